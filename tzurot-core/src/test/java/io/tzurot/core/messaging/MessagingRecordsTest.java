package io.tzurot.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagingRecordsTest {

    @Test
    void backoffDoublesPerFailedAttemptUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(2), Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(100)).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> policy.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void attemptsRunOutAtTheMaximum() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.exhaustedAfter(2)).isFalse();
        assertThat(policy.exhaustedAfter(3)).isTrue();
    }

    @Test
    void retryPoliciesAreValidated() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialBackoff");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queueAndStreamSettingsRejectBadNamesAndDurations() {
        assertThat(QueueSettings.named("llm-replies").visibilityTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> QueueSettings.named("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueueSettings.named("ok").withVisibilityTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("visibilityTimeout");
        assertThat(StreamSettings.named("job-results").maxLength()).isEqualTo(10_000);
        assertThatThrownBy(() -> StreamSettings.named("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamSettings("s", Duration.ofSeconds(1), 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobRequestsNeedAKeyATypeAndAPayload() {
        assertThat(new JobRequest("llm-123", "llm-generation", "")).isNotNull();
        assertThatThrownBy(() -> new JobRequest(" ", "t", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idempotencyKey");
        assertThatThrownBy(() -> new JobRequest("k", "t", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new JobRequest("k\n", "t", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JobRequest("k".repeat(201), "t", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsumerOptions("w", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aJobKnowsWhetherItIsARedelivery() {
        assertThat(new Job("j", "t", "", 1).isRedelivery()).isFalse();
        assertThat(new Job("j", "t", "", 2).isRedelivery()).isTrue();
        assertThatThrownBy(() -> new Job("j", "t", "", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void changeEventsCopyTheirIdsAndBoundThem() {
        List<String> ids = new ArrayList<>(List.of("p1"));
        ChangeEvent event = new ChangeEvent(EventTopic.PERSONALITY, ids);
        ids.add("p2");
        assertThat(event.ids()).containsExactly("p1");
        assertThat(event.isAll()).isFalse();
        assertThat(ChangeEvent.all(EventTopic.PRESET).isAll()).isTrue();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= ChangeEvent.MAX_IDS; i++) {
            tooMany.add("id-" + i);
        }
        assertThatThrownBy(() -> new ChangeEvent(EventTopic.PERSONA, tooMany)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomesAreAClosedSet() {
        assertThat(JobOutcome.completed()).isInstanceOf(JobOutcome.Completed.class);
        assertThat(JobOutcome.retry("r")).isEqualTo(new JobOutcome.Retry("r"));
        assertThat(JobOutcome.reject("x")).isEqualTo(new JobOutcome.Reject("x"));
        assertThatThrownBy(() -> JobOutcome.retry(null)).isInstanceOf(NullPointerException.class);
    }
}
