package io.tzurot.core.response;

import io.tzurot.core.model.FinishReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.prompt.Placeholders;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final String EARLIER = "If it's another cursed compass, leave it outside the shop door.";
    private static final String FRESH = "A map! Unroll it on the counter, and mind the candle.";

    private final ResponsePostProcessor processor =
            new ResponsePostProcessor(List.of("Lilith"), new Placeholders("Ari", "Lilith"));
    private final RandomGenerator lowest = () -> 0L;
    private final RetryPolicy policy = new RetryPolicy(RetryPolicy.DEFAULT_MAX_ATTEMPTS, lowest);

    private static ModelReply stalledN() {
        return new ModelReply("N", Optional.empty(), FinishReason.fromWire("unknown"), OptionalInt.of(1), false,
                Duration.ofSeconds(160));
    }

    private static ModelReply good(String text) {
        return new ModelReply(text, Optional.empty(), FinishReason.STOP, OptionalInt.of(20), false,
                Duration.ofSeconds(3));
    }

    private static ModelReply withReasoning(String text, String reasoning) {
        return new ModelReply(text, Optional.of(reasoning), FinishReason.STOP, OptionalInt.of(20), false,
                Duration.ofSeconds(3));
    }

    private ReplyAttempt judge(int number, ModelReply reply) {
        ProcessedResponse processed = processor.process(reply);
        return new ReplyAttempt(number, processed, InadequacyAssessor.assess(reply, processed.content()),
                CrossTurnDuplicateDetector.check(processed.content(), List.of(new PriorReply(EARLIER,
                        Optional.empty())), Optional.empty()));
    }

    /** The reply engine's loop, with the model replaced by a queue of canned replies. */
    private Run run(ModelReply... replies) {
        Deque<ModelReply> model = new ArrayDeque<>(List.of(replies));
        List<ReplyAttempt> attempts = new ArrayList<>();
        List<AttemptSettings> settings = new ArrayList<>(List.of(policy.first()));
        while (true) {
            attempts.add(judge(attempts.size() + 1, model.removeFirst()));
            RetryDecision decision = policy.decide(attempts);
            if (decision instanceof RetryDecision.Retry retry) {
                settings.add(retry.next());
                continue;
            }
            return new Run(decision, attempts.size(), settings);
        }
    }

    private record Run(RetryDecision decision, int calls, List<AttemptSettings> settings) {
        RetryDecision.Accept accepted() {
            assertThat(decision).isInstanceOf(RetryDecision.Accept.class);
            return (RetryDecision.Accept) decision;
        }
    }

    @Test
    void theStalledNReplyTriggersExactlyOneRetry() {
        Run run = run(stalledN(), good(FRESH));

        assertThat(judge(1, stalledN()).assessment().score()).isGreaterThanOrEqualTo(0.5);
        assertThat(run.calls()).isEqualTo(2);
        assertThat(run.accepted().content()).isEqualTo(FRESH);
        AttemptSettings retry = run.settings().get(1);
        assertThat(retry.temperature()).hasValue(0.95);
        assertThat(retry.frequencyPenalty()).hasValue(0.5);
        assertThat(retry.historyBudgetFactor()).isEqualTo(1.0);
    }

    @Test
    void aSecondInadequateReplyIsDeliveredWithoutAnotherRetry() {
        ModelReply secondN = new ModelReply("No", Optional.empty(), FinishReason.UNKNOWN, OptionalInt.of(1), false,
                Duration.ofSeconds(90));
        Run run = run(stalledN(), secondN, good(FRESH));

        assertThat(run.calls()).isEqualTo(2);
        assertThat(run.accepted().attempt().number()).isEqualTo(2);
        assertThat(run.accepted().content()).isEqualTo("No");
        assertThat(run.accepted().crossTurnDuplicate()).isFalse();
    }

    @Test
    void emptyRepliesAreRetriedUntilTheLimitThenTheEngineGivesUp() {
        Run run = run(withReasoning("<think>hmm</think>", "first thoughts"), good(""), good("  "));

        assertThat(run.calls()).isEqualTo(3);
        assertThat(run.decision()).isEqualTo(new RetryDecision.GiveUp(Optional.of("first thoughts\n\n"
                + "=== Additional Inline Reasoning ===\n\nhmm")));
        assertThat(run.settings().get(2).historyBudgetFactor()).isEqualTo(0.7);
    }

    @Test
    void repeatedDuplicatesDeliverTheLastOneFlagged() {
        Run run = run(good(EARLIER), good(EARLIER.toUpperCase()), good(EARLIER + " "));

        assertThat(run.calls()).isEqualTo(3);
        assertThat(run.accepted().attempt().number()).isEqualTo(3);
        assertThat(run.accepted().crossTurnDuplicate()).isTrue();
    }

    @Test
    void aDuplicateIsPreferredToEmptyReplies() {
        Run run = run(good(""), good(EARLIER), good(""));

        assertThat(run.accepted().attempt().number()).isEqualTo(2);
        assertThat(run.accepted().crossTurnDuplicate()).isTrue();
    }

    @Test
    void anInadequateReplyBeatsLaterEmptyOnes() {
        Run run = run(stalledN(), good(""), good(""));

        assertThat(run.calls()).isEqualTo(3);
        assertThat(run.accepted().attempt().number()).isEqualTo(1);
        assertThat(run.accepted().content()).isEqualTo("N");
    }

    @Test
    void aDuplicateThenInadequateStillGetsItsContentRetry() {
        Run run = run(good(EARLIER), stalledN(), stalledN());

        assertThat(run.calls()).isEqualTo(3);
        assertThat(run.accepted().attempt().number()).isEqualTo(3);
    }

    @Test
    void reasoningOfAnEarlierAttemptIsCarriedForward() {
        Run run = run(withReasoning("", "deep thoughts"), good(FRESH));

        assertThat(run.accepted().content()).isEqualTo(FRESH);
        assertThat(run.accepted().reasoning()).contains("deep thoughts");
    }

    @Test
    void aFailedAttemptFallsBackToTheBestEarlierReply() {
        assertThat(policy.fallbackAfterFailure(List.of())).isEmpty();
        assertThat(policy.fallbackAfterFailure(List.of(judge(1, good(""))))).isEmpty();
        assertThat(policy.fallbackAfterFailure(List.of(judge(1, good(EARLIER)), judge(2, good(""))))
                .map(RetryDecision.Accept::content)).contains(EARLIER);
    }

    @Test
    void retryTemperaturesStayBelowOne() {
        AttemptSettings hottest = AttemptSettings.forAttempt(2, () -> -1L);

        assertThat(hottest.temperature().getAsDouble()).isGreaterThanOrEqualTo(0.95).isLessThan(1.0);
        assertThat(AttemptSettings.forAttempt(1, () -> -1L).temperature()).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, lowest)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.decide(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttemptSettings.forAttempt(0, lowest)).isInstanceOf(IllegalArgumentException.class);
    }
}
