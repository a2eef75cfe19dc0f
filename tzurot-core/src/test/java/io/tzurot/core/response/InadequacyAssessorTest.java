package io.tzurot.core.response;

import io.tzurot.core.model.FinishReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InadequacyAssessorTest {

    private static ModelReply reply(String content, FinishReason reason, OptionalInt tokens, boolean stopSequence,
            Duration elapsed) {
        return new ModelReply(content, Optional.empty(), reason, tokens, stopSequence, elapsed);
    }

    @Test
    void theStalledSingleLetterReplyScoresHigh() {
        InadequacyAssessment assessment = InadequacyAssessor.assess(
                reply("N", FinishReason.fromWire("unknown"), OptionalInt.of(1), false, Duration.ofSeconds(160)), "N");

        assertThat(assessment.reasons()).containsExactly(InadequacySignal.FINISH_REASON_UNKNOWN,
                InadequacySignal.AT_MOST_ONE_TOKEN, InadequacySignal.NO_STOP_AND_SHORT,
                InadequacySignal.SLOW_PER_TOKEN, InadequacySignal.NEAR_EMPTY_AFTER_STRIPPING);
        assertThat(assessment.score()).isEqualTo(1.25);
        assertThat(assessment.inadequate()).isTrue();
    }

    @Test
    void theStalledReplyScoresHighEvenWithoutATokenCount() {
        InadequacyAssessment assessment = InadequacyAssessor.assess(
                reply("N", FinishReason.UNKNOWN, OptionalInt.empty(), false, Duration.ofSeconds(160)), "N");

        assertThat(assessment.score()).isEqualTo(0.95);
        assertThat(assessment.inadequate()).isTrue();
    }

    @Test
    void aNormalReplyScoresZero() {
        String text = "If it's another cursed compass, leave it outside.";
        InadequacyAssessment assessment = InadequacyAssessor.assess(
                reply(text, FinishReason.STOP, OptionalInt.of(14), false, Duration.ofSeconds(4)), text);

        assertThat(assessment.score()).isZero();
        assertThat(assessment.reasons()).isEmpty();
        assertThat(assessment.inadequate()).isFalse();
    }

    @Test
    void aShortButNaturalAnswerIsAcceptable() {
        InadequacyAssessment assessment = InadequacyAssessor.assess(
                reply("OK", FinishReason.STOP, OptionalInt.of(1), false, Duration.ofSeconds(2)), "OK");

        assertThat(assessment.score()).isEqualTo(0.45);
        assertThat(assessment.inadequate()).isFalse();
    }

    @Test
    void exactlyTheThresholdIsInadequate() {
        InadequacyAssessment assessment = InadequacyAssessor.assess(
                reply("ab", FinishReason.LENGTH, OptionalInt.of(3), false, Duration.ofSeconds(1)), "ab");

        assertThat(assessment.reasons()).containsExactly(InadequacySignal.AT_MOST_FIVE_TOKENS,
                InadequacySignal.NO_STOP_AND_SHORT, InadequacySignal.NEAR_EMPTY_AFTER_STRIPPING);
        assertThat(assessment.score()).isEqualTo(0.5);
        assertThat(assessment.inadequate()).isTrue();
    }

    @Test
    void errorFinishAndNothingVisible() {
        InadequacyAssessment assessment = InadequacyAssessor.assess(reply("<think>x</think>", FinishReason.ERROR,
                OptionalInt.of(40), true, Duration.ofSeconds(5)), "");

        assertThat(assessment.reasons()).containsExactly(InadequacySignal.FINISH_REASON_ERROR,
                InadequacySignal.EMPTY_AFTER_STRIPPING);
        assertThat(assessment.score()).isEqualTo(0.8);
    }

    @Test
    void slownessIsJudgedPerToken() {
        String text = "A reply of about ten tokens, give or take.";
        assertThat(InadequacyAssessor.assess(reply(text, FinishReason.STOP, OptionalInt.of(10), false,
                Duration.ofSeconds(100)), text).reasons()).isEmpty();
        assertThat(InadequacyAssessor.assess(reply(text, FinishReason.STOP, OptionalInt.of(10), false,
                Duration.ofSeconds(101)), text).reasons()).containsExactly(InadequacySignal.SLOW_PER_TOKEN);
    }

    @Test
    void aStopSequenceCountsAsAStop() {
        assertThat(InadequacyAssessor.assess(reply("Yes, go.", FinishReason.OTHER, OptionalInt.of(3), true,
                Duration.ofSeconds(1)), "Yes, go.").reasons()).containsExactly(InadequacySignal.AT_MOST_FIVE_TOKENS);
    }

    @Test
    void theScoreMustMatchTheReasons() {
        assertThatThrownBy(() -> new InadequacyAssessment(0.9, List.of(InadequacySignal.SLOW_PER_TOKEN)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }

    @Test
    void finishReasonsAreNormalised() {
        assertThat(FinishReason.fromWire("end_turn")).isEqualTo(FinishReason.STOP);
        assertThat(FinishReason.fromWire("MAX_TOKENS")).isEqualTo(FinishReason.LENGTH);
        assertThat(FinishReason.fromWire(" unknown ")).isEqualTo(FinishReason.UNKNOWN);
        assertThat(FinishReason.fromWire(null)).isEqualTo(FinishReason.UNREPORTED);
        assertThat(FinishReason.fromWire("banana")).isEqualTo(FinishReason.OTHER);
    }
}
