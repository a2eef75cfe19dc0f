package io.tzurot.web.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class InMemoryReplyTrackerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final UUID user = UUID.randomUUID();

    private TrackedReply reply(String id) {
        return new TrackedReply(id, user, "lilith", "web1", clock.instant(), new CompletableFuture<ReplyOutcome>());
    }

    @Test
    void keepsRepliesUntilTheyExpire() {
        InMemoryReplyTracker tracker = new InMemoryReplyTracker(10, Duration.ofMinutes(30), clock);
        tracker.track(reply("a"));
        clock.advance(Duration.ofMinutes(10));
        tracker.track(reply("b"));

        clock.advance(Duration.ofMinutes(20));
        assertThat(tracker.find("a")).as("started 30 minutes ago").isEmpty();
        assertThat(tracker.find("b")).isPresent();
        clock.advance(Duration.ofMinutes(10));
        assertThat(tracker.find("b")).isEmpty();
        assertThat(tracker.size()).isZero();
    }

    @Test
    void dropsTheOldestBeyondItsCapacity() {
        InMemoryReplyTracker tracker = new InMemoryReplyTracker(2, Duration.ofHours(1), clock);
        tracker.track(reply("a"));
        tracker.track(reply("b"));
        tracker.track(reply("c"));
        assertThat(tracker.find("a")).isEmpty();
        assertThat(tracker.find("b")).isPresent();
        assertThat(tracker.find("c")).isPresent();
        assertThat(tracker.size()).isEqualTo(2);
    }

    @Test
    void reportsTheOutcomeOnlyOnceItIsThere() {
        InMemoryReplyTracker tracker = new InMemoryReplyTracker(clock);
        TrackedReply r = reply("a");
        tracker.track(r);
        assertThat(tracker.find("a").orElseThrow().doneOutcome()).isEmpty();
        ReplyOutcome.Failed failed = new ReplyOutcome.Failed("a", java.util.Optional.empty(),
                ReplyOutcome.FailureKind.MODEL_ERROR, "The model is down.", "a");
        r.outcome().complete(failed);
        assertThat(tracker.find("a").orElseThrow().doneOutcome()).contains(failed);
        assertThat(ReplyView.of(r)).containsEntry("status", "failed").containsEntry("error", "The model is down.")
                .containsEntry("errorKind", "model_error");
    }

    @Test
    void countsAUsersRepliesThatAreStillOnTheWay() {
        InMemoryReplyTracker tracker = new InMemoryReplyTracker(clock);
        TrackedReply a = reply("a");
        tracker.track(a);
        tracker.track(reply("b"));
        tracker.track(new TrackedReply("c", UUID.randomUUID(), "lilith", "web1", clock.instant(), new CompletableFuture<>()));
        assertThat(tracker.pendingFor(user)).isEqualTo(2);
        a.outcome().complete(new ReplyOutcome.Failed("a", java.util.Optional.empty(), ReplyOutcome.FailureKind.INTERNAL, "x", "a"));
        assertThat(tracker.pendingFor(user)).isEqualTo(1);
    }

    @Test
    void refusesNonsensicalBounds() {
        assertThatThrownBy(() -> new InMemoryReplyTracker(0, Duration.ofHours(1), clock)).hasMessageContaining("capacity");
        assertThatThrownBy(() -> new InMemoryReplyTracker(1, Duration.ZERO, clock)).hasMessageContaining("retention");
    }
}
