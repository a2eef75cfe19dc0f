package io.tzurot.ai.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.TokenCounter;
import org.junit.jupiter.api.Test;

/** cl100k_base counts as OpenAI's tokenizer does. */
class TiktokenCounterTest {

    private final TokenCounter counter = new TiktokenCounter();

    @Test
    void emptyAndNullAreZero() {
        assertThat(counter.count(null)).isZero();
        assertThat(counter.count("")).isZero();
    }

    @Test
    void countsKnownCl100kExamples() {
        // reference values from OpenAI's tiktoken for cl100k_base
        assertThat(counter.count("hello world")).isEqualTo(2);
        assertThat(counter.count("tiktoken is great!")).isEqualTo(6);
        assertThat(counter.count("antidisestablishmentarianism")).isEqualTo(6);
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryText() {
        assertThat(counter.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void countGrowsWithText() {
        String sentence = "The quick brown fox jumps over the lazy dog. ";
        assertThat(counter.count(sentence.repeat(10))).isGreaterThan(counter.count(sentence) * 9);
    }

    @Test
    void separateInstancesAgree() {
        String text = "Ünïcödé, emoji ✨ and 日本語 all count.";
        assertThat(new TiktokenCounter().count(text)).isEqualTo(counter.count(text)).isPositive();
    }

    @Test
    void rememberedCountsMatchFreshOnesAndTheMemoStaysBounded() {
        TiktokenCounter memo = new TiktokenCounter();
        String text = "<message from=\"Ari\">The harbour map ✨</message>\n";
        int first = memo.count(text);
        assertThat(memo.count(new String(text))).isEqualTo(first).isEqualTo(new TiktokenCounter().count(text));
        assertThat(memo.remembered()).isEqualTo(1);
        for (int i = 0; i <= TiktokenCounter.MAX_REMEMBERED; i++) {
            memo.count("line " + i);
        }
        assertThat(memo.remembered()).isBetween(1, TiktokenCounter.MAX_REMEMBERED);
        assertThat(memo.count("line 7")).isEqualTo(new TiktokenCounter().count("line 7"));
    }

    @Test
    void longTextsAreCountedButNotRemembered() {
        TiktokenCounter memo = new TiktokenCounter();
        String text = "word ".repeat(TiktokenCounter.MAX_REMEMBERED_CHARS);
        assertThat(memo.count(text)).isEqualTo(new TiktokenCounter().count(text))
                .isGreaterThanOrEqualTo(TiktokenCounter.MAX_REMEMBERED_CHARS);
        assertThat(memo.remembered()).isZero();
    }
}
