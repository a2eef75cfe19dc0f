package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.Messaging;
import io.tzurot.testkit.ServiceTargets;
import io.tzurot.web.server.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-user limit of replies on the way holds under a concurrent burst: on one process (check and track are
 * one step) and across api processes sharing a key store (in-process here; Redis when configured).
 */
class ReplyLimitTest {

    private static final int BURST = 16;

    private ConversationHarness h;
    private String alice;
    private final List<Messaging> messaging = new ArrayList<>();

    @BeforeEach
    void start() {
        h = new ConversationHarness();
        alice = h.token(ALICE);
        h.personality(h.token(ConversationHarness.OWNER), "lilith", true);
        h.replies.hold();
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
        messaging.forEach(Messaging::close);
    }

    @Test
    void aBurstOnOneProcessNeverGetsMoreThanTheLimitAccepted() throws Exception {
        // hold every started reply inside the engine until more than the limit have started (or a while has
        // passed): a limit checked apart from its tracking lets the whole burst in here
        CountDownLatch overLimit = new CountDownLatch(ConversationHarness.MAX_IN_FLIGHT + 1);
        h.replies.onReply(() -> {
            overLimit.countDown();
            try {
                overLimit.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        List<HttpResponse<String>> answers = burst(List.of(h.server));

        assertLimitHeld(answers);
    }

    @Test
    void aBurstAcrossTwoProcessesSharingKeysNeverGetsMoreThanTheLimitAccepted() throws Exception {
        Messaging shared = Messaging.inProcess();
        messaging.add(shared);
        List<WebServer> processes = List.of(process(shared.keys()), process(shared.keys()));

        assertLimitHeld(burst(processes));
    }

    @Test
    void aBurstAcrossTwoProcessesOnRedisNeverGetsMoreThanTheLimitAccepted() throws Exception {
        String redis = ServiceTargets.redisUrl();
        String prefix = "tzurot-limit-test-" + UUID.randomUUID();
        Messaging first = Messaging.redis(redis, prefix);
        messaging.add(first);
        Messaging second = Messaging.redis(redis, prefix);
        messaging.add(second);

        assertLimitHeld(burst(List.of(process(first.keys()), process(second.keys()))));
    }

    @Test
    void aFinishedReplyFreesItsSharedSlot() throws Exception {
        Messaging shared = Messaging.inProcess();
        messaging.add(shared);
        WebServer a = process(shared.keys());
        WebServer b = process(shared.keys());
        for (int i = 0; i < ConversationHarness.MAX_IN_FLIGHT; i++) {
            assertThat(chat(i % 2 == 0 ? a : b).statusCode()).isEqualTo(202);
        }
        assertThat(chat(a).statusCode()).isEqualTo(429);

        h.replies.release(h.replies.requests().get(0).requestId());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> chat(b).statusCode() == 202);
        assertThat(chat(a).statusCode()).isEqualTo(429);
    }

    private WebServer process(EphemeralKeyStore keys) {
        return h.apiProcess(new SharedReplyTracker(new InMemoryReplyTracker(h.clock), () -> Optional.of(keys),
                InMemoryReplyTracker.DEFAULT_RETENTION));
    }

    private HttpResponse<String> chat(WebServer server) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/chat"))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"personality\":\"lilith\",\"message\":\"burst\"}")).build();
        return h.http().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #BURST} chats at once, spread over the servers. */
    private List<HttpResponse<String>> burst(List<WebServer> servers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                WebServer server = servers.get(i % servers.size());
                calls.add(() -> {
                    go.await();
                    return chat(server);
                });
            }
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            calls.forEach(c -> futures.add(pool.submit(c)));
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertLimitHeld(List<HttpResponse<String>> answers) {
        long accepted = answers.stream().filter(r -> r.statusCode() == 202).count();
        assertThat(accepted).as("accepted of a burst of " + BURST).isEqualTo(ConversationHarness.MAX_IN_FLIGHT);
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).isIn(202, 429));
        assertThat(answers).filteredOn(r -> r.statusCode() == 429)
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).isPresent());
        assertThat(h.replies.requests()).hasSize(ConversationHarness.MAX_IN_FLIGHT);
    }
}
