package io.tzurot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ReplyStream;
import io.tzurot.core.reply.Speaker;
import io.tzurot.messaging.Messaging;
import io.tzurot.testkit.ServiceTargets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Streamed text from the worker reaches the client that waits for the reply, in order and coalesced, on the
 * in-process queue and on Redis (a client and a worker on separate connections, as separate processes would be).
 */
class StreamedQueuedRepliesTest {

    abstract static class Scenario {
        private Messaging workerSide;
        private Messaging clientSide;
        private ReplyDeltaRelay relay;

        /** The worker's messaging and the client's (the same object in-process). */
        abstract Messaging[] connect();

        @BeforeEach
        void open() {
            Messaging[] both = connect();
            workerSide = both[0];
            clientSide = both[1];
            relay = ReplyQueues.deltas(workerSide);
        }

        @AfterEach
        void close() {
            if (relay != null) {
                relay.close();
            }
            if (clientSide != null && clientSide != workerSide) {
                clientSide.close();
            }
            if (workerSide != null) {
                cleanUp(workerSide);
                workerSide.close();
            }
        }

        void cleanUp(Messaging messaging) {
        }

        /** Writes "piece 0 … piece 99" one piece at a time, withdraws it all once, then answers. */
        private final ReplyService engine = new ReplyService() {
            @Override
            public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
                return reply(request, ReplyStream.NONE);
            }

            @Override
            public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
                return CompletableFuture.supplyAsync(() -> {
                    stream.delta("draft ");
                    stream.reset("");
                    for (int i = 0; i < 100; i++) {
                        stream.delta("piece " + i + " ");
                    }
                    return new ReplyOutcome.Replied(request.requestId(), Optional.empty(), "final", Optional.empty(),
                            false, "test/model", false, Optional.empty(), List.of(), false);
                });
            }
        };

        @Test
        void theClientSeesTheTextInOrderWithFewerPublishesThanPieces() {
            List<String> published = new CopyOnWriteArrayList<>();
            clientSide.broadcast(ReplyDeltaRelay.CHANNEL).subscribe(published::add);
            ShownText reader = new ShownText();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                expected.append("piece ").append(i).append(' ');
            }
            try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(workerSide), ReplyQueues.results(workerSide),
                    engine, "w1", 2, () -> true, relay);
                 QueuedReplyService client = new QueuedReplyService(clientSide, "test", Duration.ofMinutes(1))) {
                ReplyRequest request = ReplyRequest.text("s-" + UUID.randomUUID(), Platform.WEB,
                        new Speaker("100000000000000001", null, null), "ada", "web", "hi", Instant.now());
                ReplyOutcome outcome = client.reply(request, reader).join();
                assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("final");
                // pub/sub and the result stream are separate roads: the last deltas may land just after the outcome
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied(published).equals(expected.toString()));
            }
            assertThat(published).as("coalesced publishes").hasSizeLessThan(100);
            assertThat(expected.toString()).startsWith(reader.text());
            assertThat(reader.resets).allSatisfy(r -> assertThat(r).isEmpty());
        }

        @Test
        void aReplyNobodyFollowsIsAskedForWholeAndRelaysNothing() {
            List<String> published = new CopyOnWriteArrayList<>();
            clientSide.broadcast(ReplyDeltaRelay.CHANNEL).subscribe(published::add);
            List<Boolean> streamedCalls = new CopyOnWriteArrayList<>();
            ReplyService recording = new ReplyService() {
                @Override
                public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
                    streamedCalls.add(false);
                    return engine.reply(request, ReplyStream.NONE);
                }

                @Override
                public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
                    streamedCalls.add(true);
                    return engine.reply(request, stream);
                }
            };
            ShownText reader = new ShownText();
            String whole = "w-" + UUID.randomUUID();
            String followed = "f-" + UUID.randomUUID();
            try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(workerSide), ReplyQueues.results(workerSide),
                    recording, "w1", 2, () -> true, relay);
                 QueuedReplyService client = new QueuedReplyService(clientSide, "test", Duration.ofMinutes(1))) {
                ReplyOutcome outcome = client.reply(ReplyRequest.text(whole, Platform.DISCORD,
                        new Speaker("100000000000000001", null, null), "ada", "100000000000000002", "hi",
                        Instant.now())).join();
                assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("final");
                // a followed reply after it: once its last piece has arrived, none of the first one's is still coming
                client.reply(ReplyRequest.text(followed, Platform.WEB, new Speaker("100000000000000001", null, null),
                        "ada", "web", "hi", Instant.now()), reader).join();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied(published).endsWith("piece 99 "));
            }
            assertThat(published).isNotEmpty().allSatisfy(m -> assertThat(m).contains(followed).doesNotContain(whole));
            assertThat(streamedCalls).containsExactly(false, true);
        }
    }

    /** What a reader following a reply shows: the pieces appended, a reset replacing everything (each reset kept). */
    static final class ShownText implements ReplyStream {
        private final StringBuilder shown = new StringBuilder();
        final List<String> resets = new CopyOnWriteArrayList<>();

        @Override
        public synchronized void delta(String text) {
            shown.append(text);
        }

        @Override
        public synchronized void reset(String text) {
            resets.add(text);
            shown.setLength(0);
            shown.append(text);
        }

        synchronized String text() {
            return shown.toString();
        }
    }

    /** The text a reader of these relay messages shows at the end. */
    static String applied(List<String> messages) {
        StringBuilder out = new StringBuilder();
        for (String message : messages) {
            try {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(message);
                if (node.get("reset").asBoolean()) {
                    out.setLength(0);
                }
                out.append(node.get("text").asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(message, e);
            }
        }
        return out.toString();
    }

    @Nested
    class InProcess extends Scenario {
        @Override
        Messaging[] connect() {
            Messaging one = Messaging.inProcess();
            return new Messaging[] {one, one};
        }
    }

    @Nested
    class OnRedis extends Scenario {
        private final String prefix = "tzdelta" + UUID.randomUUID().toString().substring(0, 8);

        @Override
        Messaging[] connect() {
            String url = ServiceTargets.redisUrl();
            return new Messaging[] {Messaging.redis(url, prefix), Messaging.redis(url, prefix)};
        }

        @Override
        void cleanUp(Messaging messaging) {
            messaging.redisConnection().ifPresent(redis -> {
                var keys = redis.commands().keys(prefix + ":*");
                if (!keys.isEmpty()) {
                    redis.commands().del(keys.toArray(String[]::new));
                }
            });
        }
    }
}
