package io.tzurot.ai.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.MemoryArchive;
import io.tzurot.core.prompt.MemoryNote;
import io.tzurot.core.prompt.Placeholders;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A recalled memory's line is counted as its time, its score and its body (each count then comes from the memo on later
 * replies): with the real cl100k tokenizer that sum is the whole line's count whatever the body starts with.
 */
class MemoryNoteTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private static final List<String> BODIES = List.of("Ari: the harbour map", "42 boats", "7", "Ünïcödé names",
            "日本語 text", "✨ sparkles", "*waves* hello", "\"quoted\" words", "'s odd start", " leading space",
            "\nnew line first", "> arrow", ">> double arrow", "&amp; escaped", "...", "?! what", "_under_score", "-dash",
            "(aside)", "{user}: hi", "x");

    private final TiktokenCounter counter = new TiktokenCounter();

    @Test
    void headPlusBodyIsTheWholeLinesCount() {
        Placeholders names = new Placeholders("Ari", "Lilith");
        for (String body : BODIES) {
            for (Optional<Instant> at : List.of(Optional.of(NOW.minusSeconds(86_400L * 33)),
                    Optional.of(NOW.minusSeconds(90)), Optional.of(NOW.minusSeconds(86_400L * 400)), Optional.<Instant>empty())) {
                for (double score : new double[] {0.83, 0.05, 1.0}) {
                    MemoryNote memory = new MemoryNote("m", body, at, score);
                    String line = MemoryArchive.note(memory, NOW, ZoneId.of("Asia/Tokyo"), names) + "\n";
                    assertThat(MemoryArchive.noteTokens(memory, NOW, ZoneId.of("Asia/Tokyo"), names, counter))
                            .as("%s", line).isEqualTo(counter.count(line));
                }
            }
        }
    }

    @Test
    void aBodyStartingWithPunctuationWouldCountWrongSplit() {
        // why the split is only taken before a letter or a digit: after the tag's closing ">, punctuation joins it
        String head = "<historical_note relevance=\"0.83\">";
        assertThat(BODIES.stream().filter(b -> !Character.isLetterOrDigit(b.codePointAt(0)))
                .anyMatch(b -> counter.count(head) + counter.count(b + "</historical_note>\n")
                        != counter.count(head + b + "</historical_note>\n"))).isTrue();
    }
}
