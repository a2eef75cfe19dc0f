package io.tzurot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.Job;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.Speaker;
import io.tzurot.messaging.Messaging;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client and the worker on the in-process queue, with a stand-in engine. */
class QueuedRepliesTest {

    private final Messaging messaging = Messaging.inProcess();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<ReplyOutcome>> held = new ConcurrentHashMap<>();
    private volatile boolean hold;

    private final ReplyService engine = request -> {
        calls.computeIfAbsent(request.requestId(), id -> new AtomicInteger()).incrementAndGet();
        ReplyOutcome outcome = new ReplyOutcome.Replied(request.requestId(), Optional.empty(), "re: " + request.message(),
                Optional.empty(), false, "test/model", false, Optional.empty(), List.of(), false);
        if (hold) {
            CompletableFuture<ReplyOutcome> later = new CompletableFuture<>();
            held.put(request.requestId(), later);
            return later.thenApply(ignored -> outcome);
        }
        return CompletableFuture.completedFuture(outcome);
    };

    @AfterEach
    void close() {
        messaging.close();
    }

    private static ReplyRequest request(String id, String text) {
        return ReplyRequest.text(id, Platform.CLI, new Speaker("100000000000000001", null, null), "ada", "cli", text,
                Instant.now());
    }

    @Test
    void everyRequestGetsItsOwnOutcomeOnce() {
        try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging), engine,
                "w1", 8);
             QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMinutes(1))) {
            List<CompletableFuture<ReplyOutcome>> futures = IntStream.range(0, 100)
                    .mapToObj(i -> client.reply(request("r" + i, "message " + i))).toList();

            for (int i = 0; i < 100; i++) {
                ReplyOutcome outcome = futures.get(i).join();
                assertThat(outcome.requestId()).isEqualTo("r" + i);
                assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("re: message " + i);
            }
            assertThat(calls).hasSize(100).allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
            assertThat(client.waiting()).isZero();
            Awaitility.await().until(() -> ReplyQueues.queue(messaging).stats().completed() == 100);
        }
    }

    @Test
    void theSameTriggerSubmittedTwiceYieldsOneJobAndOneReply() {
        hold = true;
        try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging), engine,
                "w1", 4);
             QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMinutes(1))) {
            CompletableFuture<ReplyOutcome> first = client.reply(request("same", "hello"));
            CompletableFuture<ReplyOutcome> second = client.reply(request("same", "hello"));
            Awaitility.await().until(() -> held.containsKey("same"));
            held.get("same").complete(null);

            assertThat(first.join()).isEqualTo(second.join());
            assertThat(calls.get("same").get()).isEqualTo(1);
            Awaitility.await().until(() -> ReplyQueues.queue(messaging).stats().completed() == 1);
            // Submitted again after it finished: the queue still remembers the id, so nothing runs again.
            assertThat(ReplyQueues.queue(messaging).submit(new JobRequest("same", ReplyJobCodec.JOB_TYPE, "{}")).created())
                    .isFalse();
        }
        assertThat(calls.get("same").get()).isEqualTo(1);
    }

    @Test
    void jobsNoHandlerCanRunEndAsDeadLetters() {
        JobQueue queue = ReplyQueues.queue(messaging);
        try (ReplyWorker worker = ReplyWorker.start(queue, ReplyQueues.results(messaging), engine, "w1", 2)) {
            queue.submit(new JobRequest("odd-type", "translate", "{}"));
            queue.submit(new JobRequest("bad-payload", ReplyJobCodec.JOB_TYPE, "{\"v\":1}"));
            String mismatched = new ReplyJobCodec().encodeRequest(request("other-id", "hi"));
            queue.submit(new JobRequest("mismatch", ReplyJobCodec.JOB_TYPE, mismatched));

            Awaitility.await().until(() -> queue.stats().deadLetters() == 3);
        }
        assertThat(queue.deadLetters(10)).extracting(DeadLetter::jobId, DeadLetter::lastError)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("odd-type", "no handler for job type 'translate'"),
                        org.assertj.core.groups.Tuple.tuple("bad-payload", "reply request is invalid: missing field 'requestId'"),
                        org.assertj.core.groups.Tuple.tuple("mismatch", "job id mismatch differs from its request id other-id"));
        assertThat(calls).isEmpty();
    }

    @Test
    void anEngineFaultIsRetriedAndARedeliveryRunsTheEngineAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ReplyService flaky = request -> attempts.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new IllegalStateException("boom"))
                : engine.reply(request);
        try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging), flaky,
                "w1", 1)) {
            String payload = new ReplyJobCodec().encodeRequest(request("j1", "hi"));
            JobOutcome first = worker.handle(new Job("j1", ReplyJobCodec.JOB_TYPE, payload, 1)).toCompletableFuture().join();
            JobOutcome second = worker.handle(new Job("j1", ReplyJobCodec.JOB_TYPE, payload, 2)).toCompletableFuture().join();

            assertThat(first).isEqualTo(JobOutcome.retry("engine failed: java.lang.IllegalStateException: boom"));
            assertThat(second).isEqualTo(JobOutcome.completed());
        }
    }

    @Test
    void noWorkerMeansAClearFailureAfterTheTimeout() {
        try (QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMillis(200))) {
            ReplyOutcome outcome = client.reply(request("lonely", "anyone?")).join();

            assertThat(outcome).isInstanceOf(ReplyOutcome.Failed.class);
            assertThat(((ReplyOutcome.Failed) outcome).kind()).isEqualTo(ReplyOutcome.FailureKind.INTERNAL);
            assertThat(((ReplyOutcome.Failed) outcome).userMessage()).contains("No worker answered in time");
            assertThat(client.waiting()).isZero();
        }
    }

    @Test
    void stoppingAWorkerReleasesWhatItHoldsToTheNext() throws Exception {
        hold = true;
        JobQueue queue = ReplyQueues.queue(messaging);
        try (QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMinutes(1))) {
            ReplyWorker first = ReplyWorker.start(queue, ReplyQueues.results(messaging), engine, "w1", 2);
            CompletableFuture<ReplyOutcome> outcome = client.reply(request("handover", "hi"));
            Awaitility.await().until(() -> held.containsKey("handover"));

            assertThat(first.stop(Duration.ofMillis(50))).isFalse();
            hold = false;
            try (ReplyWorker second = ReplyWorker.start(queue, ReplyQueues.results(messaging), engine, "w2", 2)) {
                assertThat(outcome.join()).isInstanceOf(ReplyOutcome.Replied.class);
            }
        }
        assertThat(calls.get("handover").get()).isEqualTo(2);
    }

    @Test
    void invalidClientSettingsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QueuedReplyService(messaging, "Bad Kind",
                Duration.ofSeconds(1))).hasMessageContaining("clientKind");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new QueuedReplyService(messaging, "cli", Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
    }
}
