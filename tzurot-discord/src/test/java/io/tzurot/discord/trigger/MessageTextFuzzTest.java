package io.tzurot.discord.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.discord.MentionParser;
import io.tzurot.core.discord.MessageChunker;
import io.tzurot.testkit.fuzz.Hostile;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hostile Discord message text (seeded, bounded) through the trigger's mention parsing and the reply chunker:
 * nothing throws, the limits hold (at most ten candidates of at most four words, each found where the text has an
 * {@code @}), stripping mentions never leaves the stripped name mentioned, and chunks keep every character and fit
 * Discord's limit.
 */
class MessageTextFuzzTest {

    private static final long SEED = 0xD15C0DL;
    private static final int ITERATIONS = 5000;
    private static final List<String> SAMPLES = List.of("@Ada hello there", "hey @Ada Lovelace, how are you?",
            "<@123456789012345678> @lilith @Ada @Bob", "@@@@ @ @ada... @Ada!!! `@code`", "@Ada\n@Ada Lovelace\t@ADA",
            "```java\n@Override\nvoid x() {}\n```", "@" + "a".repeat(300), "@Ada " + "@x ".repeat(200));
    private static final Map<String, String> NAMES = Map.of("ada", "ada", "ada lovelace", "ada-lovelace",
            "lilith", "lilith", "bob the builder", "bob");

    @Test
    void mentionsOfHostileTextStayWithinTheLimits() {
        MentionParser parser = new MentionParser('@');
        Hostile hostile = new Hostile(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            String text = hostile.random().nextBoolean() ? hostile.mutate(SAMPLES) : hostile.string(4000);
            String where = "#" + i + " (seed " + SEED + ")";
            List<MentionParser.Candidate> candidates = parser.candidates(text);
            assertThat(candidates).as(where).hasSizeLessThanOrEqualTo(MentionParser.MAX_CANDIDATES);
            for (MentionParser.Candidate c : candidates) {
                assertThat(c.words()).as(where).isBetween(1, MentionParser.MAX_WORDS);
                assertThat(c.text()).as(where).isNotBlank().doesNotMatch("\\d+");
                assertThat(text.charAt(c.position())).as(where).isEqualTo('@');
                assertThat(text.indexOf(c.text().split("[ \\t]+")[0], c.position())).as(where).isGreaterThan(c.position());
            }
            List<MentionParser.Match<String>> matches = parser.resolve(text,
                    name -> Optional.ofNullable(NAMES.get(name.toLowerCase(Locale.ROOT))));
            assertThat(matches.size()).as(where).isLessThanOrEqualTo(candidates.size());
            String stripped = parser.strip(text, matches.stream().map(m -> m.candidate().text()).toList());
            assertThat(stripped.length()).as(where).isLessThanOrEqualTo(text.length());
            for (MentionParser.Match<String> m : matches) {
                List<String> again = parser.resolve(stripped, name -> Optional.ofNullable(NAMES.get(name.toLowerCase(Locale.ROOT))))
                        .stream().map(x -> x.candidate().text().toLowerCase(Locale.ROOT)).toList();
                assertThat(again).as(where + " after stripping " + m.candidate().text())
                        .doesNotContain(m.candidate().text().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void hostileRepliesAreChunkedWithinTheLimitLosingNothing() {
        Hostile hostile = new Hostile(SEED + 1);
        for (int i = 0; i < ITERATIONS / 5; i++) {
            String text = hostile.random().nextBoolean() ? hostile.mutate(SAMPLES).repeat(1 + hostile.random().nextInt(30))
                    : hostile.string(9000);
            String where = "#" + i + " (seed " + (SEED + 1) + ")";
            List<String> chunks = MessageChunker.split(text);
            assertThat(chunks).as(where).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(MessageChunker.DISCORD_LIMIT));
            // whitespace, code fences (closed and reopened around a cut) and the "..." marking a cut word may differ
            assertThat(comparable(String.join("", chunks))).as(where).isEqualTo(comparable(text));
        }
    }

    private static String comparable(String text) {
        return text.replaceAll("[\\s\\p{javaWhitespace}]", "").replace("```", "").replace("...", "");
    }
}
