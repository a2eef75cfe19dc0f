package io.tzurot.app.fleet.bench;

import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.VariedReplies;
import java.time.Duration;

/**
 * The benchmark's fake model as a process of its own, so its CPU is measured apart from the load generator's:
 * answers every completion at once (streams unpaced) with {@link VariedReplies}, or, with a first argument of
 * {@code paced}, after a first-token delay like a hosted model's. Prints {@code MODEL <base url>} and serves until
 * its standard input closes.
 */
public final class FakeModelMain {

    private FakeModelMain() {
    }

    public static void main(String[] args) throws Exception {
        Duration delay = args.length > 0 && args[0].equals("paced") ? Duration.ofMillis(400) : Duration.ZERO;
        VariedReplies texts = new VariedReplies();
        try (FakeModelServer model = FakeModelServer.start()) {
            model.respondWith(r -> FakeReply.text(texts.next()).after(delay));
            System.out.println("MODEL " + model.baseUrl());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark closes our standard input (or dies)
            }
        }
    }
}
