package io.tzurot.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FactAnswerTest {

    private static final Instant T = Instant.parse("2026-12-06T12:00:00Z");
    private static final MemoryFact OSLO = fact("lives in Oslo", false);
    private static final MemoryFact REX = fact("has a dog called Rex", true);

    private static MemoryFact fact(String text, boolean locked) {
        return new MemoryFact(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), text, 0.8, locked, "user", T, T);
    }

    @Test
    void readsEveryOperationThroughTheUsualDecorations() {
        String answer = """
                ```
                - ADD 0.9 | has a cat called Quillibrand
                2. REPLACE 1 0.85 | lives in Bergen
                * REMOVE #1
                ADD: "works as a nurse"
                ```""";
        FactAnswer.Parsed parsed = FactAnswer.parse(answer, List.of(OSLO, REX));
        assertThat(parsed.understood()).isTrue();
        assertThat(parsed.changes()).containsExactly(new FactChange.Add("has a cat called Quillibrand", 0.9),
                new FactChange.Replace(OSLO.id(), "lives in Bergen", 0.85), new FactChange.Remove(OSLO.id()),
                new FactChange.Add("works as a nurse", FactAnswer.DEFAULT_CONFIDENCE));
    }

    @Test
    void noneIsAnUnderstoodAnswerWithNoChange() {
        FactAnswer.Parsed parsed = FactAnswer.parse("NONE", List.of(OSLO));
        assertThat(parsed.understood()).isTrue();
        assertThat(parsed.changes()).isEmpty();
    }

    @Test
    void proseUnknownNumbersAndLockedFactsYieldNothing() {
        assertThat(FactAnswer.parse("Sure! The user seems to like cats.", List.of()).understood()).isFalse();
        assertThat(FactAnswer.parse("", List.of()).understood()).isFalse();
        assertThat(FactAnswer.parse(null, List.of()).understood()).isFalse();
        FactAnswer.Parsed parsed = FactAnswer.parse("REPLACE 7 0.9 | lives in Rome\nREPLACE 2 | has no dog\nREMOVE 0",
                List.of(OSLO, REX));
        assertThat(parsed.understood()).isFalse();
        assertThat(parsed.changes()).isEmpty();
        assertThat(parsed.ignoredLines()).isEqualTo(3);
    }

    @Test
    void unsureBlankAndOverlongFactsAreDroppedAndPercentagesRead() {
        String tooLong = "x".repeat(MemoryFact.MAX_LENGTH + 1);
        FactAnswer.Parsed parsed = FactAnswer.parse("ADD 0.3 | maybe likes jazz\nADD 0.9 |   \nADD 0.9 | " + tooLong
                + "\nADD 95 | speaks Norwegian", List.of());
        assertThat(parsed.changes()).containsExactly(new FactChange.Add("speaks Norwegian", 0.95));
    }

    @Test
    void aRunawayAnswerIsCapped() {
        String answer = "ADD 0.9 | fact number 1\n".repeat(1) + java.util.stream.IntStream.range(2, 30)
                .mapToObj(i -> "ADD 0.9 | fact number " + i).reduce("", (a, b) -> a + b + "\n");
        assertThat(FactAnswer.parse(answer, List.of()).changes()).hasSize(FactAnswer.MAX_OPERATIONS);
    }

    @Test
    void keysIgnoreCaseSpacingQuotesAndAFinalStop() {
        assertThat(FactText.key("  \"Has a  Cat.\" ")).isEqualTo(FactText.key("has a cat"));
        assertThat(FactText.clean("one\nline ")).contains("one line");
    }
}
