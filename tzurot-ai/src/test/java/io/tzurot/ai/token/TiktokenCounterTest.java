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
}
