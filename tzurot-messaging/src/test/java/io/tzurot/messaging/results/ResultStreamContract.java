package io.tzurot.messaging.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamMessage;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.core.messaging.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ResultStream} must show; run against each implementation. */
abstract class ResultStreamContract {

    private final List<ResultStream> streams = new ArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private CountDownLatch hung = new CountDownLatch(1);

    /** A new, empty stream with {@code settings}. */
    protected abstract ResultStream newStream(StreamSettings settings);

    private ResultStream stream(Duration redelivery) {
        ResultStream stream = newStream(StreamSettings.named("r-" + UUID.randomUUID().toString().substring(0, 8))
                .withRedeliveryDelay(redelivery));
        streams.add(stream);
        return stream;
    }

    private ResultStream stream() {
        return stream(Duration.ofSeconds(30));
    }

    private void consume(ResultStream stream, String group, String name, io.tzurot.core.messaging.StreamHandler handler) {
        subscriptions.add(stream.consume(group, name, handler));
    }

    private static StreamMessage result(String jobId) {
        return new StreamMessage(jobId, "reply", "{\"content\":\"hi from " + jobId + "\"}");
    }

    @AfterEach
    void closeAll() {
        hung.countDown();
        subscriptions.forEach(Subscription::close);
        streams.forEach(ResultStream::close);
        subscriptions.clear();
        streams.clear();
        hung = new CountDownLatch(1); // instances may be shared across tests
    }

    @Test
    void aMessagePublishedTwiceIsDeliveredOnce() {
        ResultStream stream = stream();
        assertThat(stream.publish(result("job-1"))).isTrue();
        assertThat(stream.publish(result("job-1"))).isFalse();
        assertThat(stream.publish(result("job-2"))).isTrue();
        List<StreamMessage> got = new CopyOnWriteArrayList<>();
        consume(stream, "bots", "bot-1", got::add);
        await().until(() -> got.size() == 2);
        assertThat(got).containsExactly(result("job-1"), result("job-2"));
        await().until(() -> stream.unconfirmed("bots") == 0);
    }

    @Test
    void everyGroupGetsEveryMessageAndConsumersOfAGroupShareThem() {
        ResultStream stream = stream();
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        List<String> audit = new CopyOnWriteArrayList<>();
        consume(stream, "bots", "bot-1", m -> first.add(m.id()));
        consume(stream, "bots", "bot-2", m -> second.add(m.id()));
        consume(stream, "audit", "a-1", m -> audit.add(m.id()));
        for (int i = 0; i < 100; i++) {
            stream.publish(result("job-" + i));
        }
        await().until(() -> first.size() + second.size() == 100 && audit.size() == 100);
        Set<String> union = new HashSet<>(first);
        union.addAll(second);
        assertThat(union).hasSize(100);
        assertThat(audit).as("one consumer sees stream order").containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> "job-" + i).toList());
    }

    @Test
    void aGroupCreatedLaterStartsFromTheOldestRetainedMessage() {
        ResultStream stream = stream();
        stream.publish(result("early"));
        List<String> got = new CopyOnWriteArrayList<>();
        consume(stream, "late-group", "c1", m -> got.add(m.id()));
        stream.publish(result("later"));
        await().until(() -> got.size() == 2);
        assertThat(got).containsExactly("early", "later");
    }

    @Test
    void anUnconfirmedMessageIsDeliveredAgainAfterTheDelay() {
        ResultStream stream = stream(Duration.ofMillis(200));
        AtomicInteger attempts = new AtomicInteger();
        List<String> confirmed = new CopyOnWriteArrayList<>();
        consume(stream, "bots", "bot-1", m -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("Discord said 503");
            }
            confirmed.add(m.id());
        });
        stream.publish(result("job-1"));
        await().until(() -> attempts.get() >= 1);
        await().until(() -> confirmed.size() == 1);
        assertThat(attempts.get()).isEqualTo(3);
        await().until(() -> stream.unconfirmed("bots") == 0);
    }

    @Test
    void aMessageHeldByAStuckConsumerGoesToAnotherOneOfItsGroup() {
        ResultStream stream = stream(Duration.ofMillis(300));
        List<String> stuck = new CopyOnWriteArrayList<>();
        consume(stream, "bots", "bot-stuck", m -> {
            stuck.add(m.id());
            hung.await();
        });
        stream.publish(result("job-1"));
        await().until(() -> stuck.size() == 1);
        assertThat(stream.unconfirmed("bots")).isEqualTo(1);

        List<String> rescued = new CopyOnWriteArrayList<>();
        consume(stream, "bots", "bot-2", m -> rescued.add(m.id()));
        await().until(() -> rescued.size() == 1);
        assertThat(rescued).containsExactly("job-1");
        await().until(() -> stream.unconfirmed("bots") == 0);
    }

    @Test
    void argumentsAreValidated() {
        ResultStream stream = stream();
        assertThat(stream.unconfirmed("never-created")).isZero();
        assertThatThrownBy(() -> stream.consume("bad group", "c", m -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stream.consume("g", "c", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new StreamMessage(" ", "t", "")).isInstanceOf(IllegalArgumentException.class);
        consume(stream, "g", "c", m -> { });
        assertThatThrownBy(() -> stream.consume("g", "c", m -> { })).isInstanceOf(IllegalStateException.class);
    }
}
