package io.tzurot.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CrossTurnDuplicateDetectorTest {

    private static final String EARLIER = "The old harbor map shows a sea serpent near the lighthouse.";

    private static List<PriorReply> prior(String... replies) {
        List<PriorReply> out = new ArrayList<>();
        for (String reply : replies) {
            out.add(new PriorReply(reply, Optional.empty()));
        }
        return out;
    }

    @Test
    void shortRepliesAreNotJudged() {
        DuplicateVerdict verdict = CrossTurnDuplicateDetector.check("Yes.", prior("Yes."), Optional.empty());

        assertThat(verdict.checked()).isFalse();
        assertThat(verdict.duplicate()).isFalse();
    }

    @Test
    void exactRepeatIgnoringCaseSpaceAndFooter() {
        DuplicateVerdict verdict = CrossTurnDuplicateDetector.check("  the OLD harbor map shows a sea serpent near"
                + " the lighthouse. ", prior("Something else entirely, nothing alike.", EARLIER
                        + "\n-# anthropic/claude-haiku-4.5\n\uD83C\uDD93 Using free model"), Optional.empty());

        assertThat(verdict.level()).contains(DuplicateVerdict.Level.EXACT);
        assertThat(verdict.matchedReply()).hasValue(1);
    }

    @Test
    void sameWordsInAnotherOrderOverlap() {
        DuplicateVerdict verdict = CrossTurnDuplicateDetector.check(
                "Near the lighthouse, the old harbor map shows a *sea serpent*!", prior(EARLIER), Optional.empty());

        assertThat(verdict.level()).contains(DuplicateVerdict.Level.WORD_OVERLAP);
        assertThat(verdict.similarity()).isEqualTo(1.0);
    }

    @Test
    void smallSpellingChangesAreCaughtByBigrams() {
        String candidate = "The old harbour map shows a sea-serpent near the lighthouses.";
        assertThat(TextSimilarity.wordJaccard(candidate, EARLIER)).isLessThan(0.75);

        DuplicateVerdict verdict = CrossTurnDuplicateDetector.check(candidate, prior(EARLIER), Optional.empty());

        assertThat(verdict.level()).contains(DuplicateVerdict.Level.BIGRAM);
        assertThat(verdict.similarity()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void aDifferentReplyIsNotADuplicateAndNearMissesAreFlagged() {
        String different = "Bring the compass tomorrow; the shop opens at dusk and I will look.";
        DuplicateVerdict verdict = CrossTurnDuplicateDetector.check(different, prior(EARLIER), Optional.empty());

        assertThat(verdict.checked()).isTrue();
        assertThat(verdict.duplicate()).isFalse();
        assertThat(verdict.nearMiss()).isFalse();
        assertThat(verdict.similarity()).isLessThan(0.70);

        String close = "The old harbor map showed sea serpents by lighthouses and reefs.";
        double dice = TextSimilarity.diceBigrams(close, EARLIER);
        DuplicateVerdict near = CrossTurnDuplicateDetector.check(close, prior(EARLIER), Optional.empty());
        assertThat(dice).isBetween(0.70, 0.85);
        assertThat(TextSimilarity.wordJaccard(close, EARLIER)).isLessThan(0.75);
        assertThat(near.duplicate()).isFalse();
        assertThat(near.nearMiss()).isTrue();
    }

    @Test
    void embeddingsCatchTheSameMeaningInOtherWords() {
        ReplyVector mine = new ReplyVector(new float[] {1f, 0.1f, 0f});
        List<PriorReply> priors = List.of(new PriorReply(EARLIER, Optional.of(new ReplyVector(new float[] {1f, 0f, 0f}))));
        String paraphrase = "A serpent is drawn beside the beacon on that ancient port chart.";

        assertThat(CrossTurnDuplicateDetector.check(paraphrase, priors, Optional.of(mine)).level())
                .contains(DuplicateVerdict.Level.SEMANTIC);
        assertThat(CrossTurnDuplicateDetector.check(paraphrase, priors, Optional.empty()).duplicate()).isFalse();
        assertThat(CrossTurnDuplicateDetector.check(paraphrase, priors,
                Optional.of(new ReplyVector(new float[] {0f, 1f, 0f}))).duplicate()).isFalse();
    }

    @Test
    void theEmbeddingIsAskedForOnlyWhenTheTextChecksDecideNothingAndThereIsSomethingToCompare() {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<Optional<ReplyVector>> embedding = () -> {
            asked.incrementAndGet();
            return Optional.of(new ReplyVector(new float[] {1f, 0f, 0f}));
        };
        List<PriorReply> withVector = List.of(new PriorReply(EARLIER, Optional.of(new ReplyVector(new float[] {1f, 0f, 0f}))));

        assertThat(CrossTurnDuplicateDetector.check(EARLIER, withVector, embedding).level())
                .contains(DuplicateVerdict.Level.EXACT);
        assertThat(CrossTurnDuplicateDetector.check("Short one.", withVector, embedding).checked()).isFalse();
        assertThat(CrossTurnDuplicateDetector.check("Something entirely different about the weather today.",
                prior(EARLIER), embedding).duplicate()).isFalse();
        assertThat(asked).as("exact hit, too short, nothing embedded to compare").hasValue(0);

        assertThat(CrossTurnDuplicateDetector.check("A serpent is drawn beside the beacon on that ancient port chart.",
                withVector, embedding).level()).contains(DuplicateVerdict.Level.SEMANTIC);
        assertThat(asked).hasValue(1);
    }

    @Test
    void priorRepliesAreTheLastFiveAssistantMessagesOfTheConversation() {
        List<HistoryEntry> history = new ArrayList<>();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 8; i++) {
            history.add(HistoryEntry.user("p", "Ari", t.plusSeconds(2L * i), "question " + i, OptionalInt.empty()));
            history.add(HistoryEntry.assistant("Lilith", t.plusSeconds(2L * i + 1), "answer " + i,
                    OptionalInt.empty()));
        }

        assertThat(PriorReply.recentFrom(history)).extracting(PriorReply::content)
                .containsExactly("answer 7", "answer 6", "answer 5", "answer 4", "answer 3");
    }

    @Test
    void onlyTheNewestHundredEntriesAreScanned() {
        List<HistoryEntry> history = new ArrayList<>();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        history.add(HistoryEntry.assistant("Lilith", t, "too old", OptionalInt.empty()));
        for (int i = 1; i <= 100; i++) {
            history.add(HistoryEntry.user("p", "Ari", t.plusSeconds(i), "q" + i, OptionalInt.empty()));
        }

        assertThat(PriorReply.recentFrom(history)).isEmpty();
    }
}
