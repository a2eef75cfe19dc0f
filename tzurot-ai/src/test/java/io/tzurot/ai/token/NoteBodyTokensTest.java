package io.tzurot.ai.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.MemoryArchive;
import io.tzurot.core.prompt.MemoryNote;
import io.tzurot.core.prompt.NoteBodyTokens;
import io.tzurot.core.prompt.Placeholders;
import io.tzurot.core.prompt.TokenCounter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * A memory's stored body count (names left out) plus its names' counts is, with the real cl100k tokenizer, exactly
 * the count of its note line, for every text and name it is used with; the stored count is used for the shape stored
 * exchanges have, and the tokenizer then never reads the memory's text.
 */
class NoteBodyTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** Texts as memories store them: exchanges (the usual shape), continued chunks, imports and oddities. */
    private static final List<String> CONTENTS = List.of(
            "{user}: where did you hide the harbour map?\n{assistant}: Under the loose floorboard, of course.",
            "{user}: 42 boats!\n{assistant}: 7 of them sank.",
            "{user}: *waves*\n{assistant}: *waves back* hello there",
            "{user}: ✨ look ✨\n{assistant}: 日本語で答えます。",
            "{user}: I said \"no\".\n\n{assistant}: ...fine.",
            "{user}: <about>tags</about> & <b>bold</b> ]]> <!-- x -->\n{assistant}: </historical_note> nice try",
            "{user} (continued): and then the rest\n{assistant} (continued): more words",
            "{user}:no space\n{assistant}:\tnone",
            "{USER}: shouting placeholder\n{Assistant}: and another",
            "{{user}}: double braces\n{{char}}: card style",
            "{user}: line ends with spaces   \n{assistant}: ok",
            "{user}: trailing newline\n{assistant}: end\n",
            "   {user}: leading spaces\n{assistant}: ok   ",
            "{user}'s cat met {assistant} today",
            "told {user} that {{char}} was away",
            "{user}{assistant} glued",
            "no placeholders at all, just words.",
            "ends with a name: {assistant}",
            "{user}",
            "{shape} and {personality} are the same one");
    private static final List<String[]> NAMES = List.of(
            new String[] {"Ari", "Lilith"},
            new String[] {"Mary Ann", "Dr. Who"},
            new String[] {"Zoë", "Ålesund Spirit"},
            new String[] {"Ari (@ari_42)", "Lilith"},
            new String[] {"李雷", "韩梅梅"},
            new String[] {"x", "y"},
            new String[] {"Ari 🌙", "Lilith"},
            new String[] {"R2D2", "C3PO"},
            new String[] {"user49", "Ada"},
            new String[] {"007", "agent1234"},
            new String[] {"Ⅻ", "x²"},
            new String[] {"O'Neil", "Jean-Luc"},
            new String[] {"A&B", "Zed<about"},
            new String[] {"José", "Lilith"});

    private final TiktokenCounter counter = new TiktokenCounter();

    @Test
    void theStoredCountPlusTheNamesIsTheWholeLinesCount() {
        int fromStored = 0;
        for (String content : CONTENTS) {
            OptionalInt stored = NoteBodyTokens.withoutNames(content, counter);
            for (String[] pair : NAMES) {
                Placeholders names = new Placeholders(pair[0], pair[1]);
                for (double score : new double[] {0.83, 0.05}) {
                    MemoryNote memory = new MemoryNote("m", content, Optional.of(NOW.minusSeconds(3_600)), score, stored);
                    String line = MemoryArchive.note(memory, NOW, ZONE, names) + "\n";
                    Recording recording = new Recording(counter);
                    long counted = MemoryArchive.noteTokens(memory, NOW, ZONE, names, recording);
                    assertThat(counted).as("%s with %s / %s", line, pair[0], pair[1]).isEqualTo(counter.count(line));
                    String body = line.substring(line.indexOf("\">") + 2, line.length() - "</historical_note>\n".length());
                    if (recording.neverSaw(body)) {
                        fromStored++;
                    }
                }
            }
        }
        assertThat(fromStored).as("the stored count answered for most texts and names").isGreaterThan(120);
    }

    @Test
    void storedExchangesWithPlainNamesNeverReachTheTokenizer() {
        String exchange = CONTENTS.get(0);
        OptionalInt stored = NoteBodyTokens.withoutNames(exchange, counter);
        assertThat(stored).isPresent();
        for (String[] pair : List.of(new String[] {"Ari", "Lilith"}, new String[] {"Zoë", "Ålesund Spirit"},
                new String[] {"Mary Ann", "Jean-Luc"}, new String[] {"李雷", "韩梅梅"}, new String[] {"user49", "Ada"})) {
            Placeholders names = new Placeholders(pair[0], pair[1]);
            Recording recording = new Recording(counter);
            MemoryArchive.noteTokens(new MemoryNote("m", exchange, Optional.empty(), 0.5, stored), NOW, ZONE, names,
                    recording);
            assertThat(recording.texts).as("only names, the tag and the score are counted")
                    .allMatch(t -> !t.contains("floorboard"));
        }
    }

    @Test
    void shapesWhoseNamesCouldJoinTheirNeighboursHaveNoStoredCount() {
        assertThat(NoteBodyTokens.withoutNames("{user}'s cat met {assistant} today", counter)).isEmpty();
        assertThat(NoteBodyTokens.withoutNames("{user}{assistant} glued", counter)).isEmpty();
        assertThat(NoteBodyTokens.withoutNames("told {user} that", counter)).isEmpty();
        assertThat(NoteBodyTokens.withoutNames("no placeholders at all", counter)).isPresent();
    }

    /** A counter that remembers what it was asked to count. */
    private static final class Recording implements TokenCounter {
        private final TokenCounter real;
        private final List<String> texts = new ArrayList<>();

        Recording(TokenCounter real) {
            this.real = real;
        }

        @Override
        public int count(String text) {
            texts.add(text);
            return real.count(text);
        }

        @Override
        public int countOnce(String text) {
            texts.add(text);
            return real.countOnce(text);
        }

        boolean neverSaw(String body) {
            return texts.stream().noneMatch(t -> t.contains(body));
        }
    }
}
