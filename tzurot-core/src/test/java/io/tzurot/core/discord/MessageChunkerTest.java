package io.tzurot.core.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageChunkerTest {

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    private static long fences(String chunk) {
        return chunk.lines().filter(l -> l.strip().startsWith("```")).count();
    }

    @Test
    void shortTextIsOneChunk() {
        assertThat(MessageChunker.split("  hello\n\nworld  ")).containsExactly("hello\n\nworld");
        assertThat(MessageChunker.split("   ")).isEmpty();
    }

    @Test
    void paragraphsArePackedAndNeverExceedTheLimit() {
        String paragraph = repeat("word ", 30).strip(); // 149 chars
        String text = String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph));
        List<String> chunks = MessageChunker.split(text, 400);
        assertThat(chunks).hasSize(2).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(400));
        assertThat(chunks.get(0)).isEqualTo(paragraph + "\n\n" + paragraph);
    }

    @Test
    void aLongParagraphSplitsBySentenceThenWord() {
        String sentence = repeat("abc ", 20).strip() + ".";
        String text = repeat(sentence + " ", 10).strip();
        List<String> chunks = MessageChunker.split(text, 200);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c).hasSizeLessThanOrEqualTo(200);
            assertThat(c).endsWith(".");
        });
        String longWord = repeat("x", 450);
        List<String> pieces = MessageChunker.split(longWord, 200);
        assertThat(pieces).hasSize(3).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(200));
        assertThat(pieces.get(0)).endsWith("...");
        assertThat(String.join("", pieces).replace("...", "")).isEqualTo(longWord);
    }

    @Test
    void aCodeBlockThatFitsIsNeverSplit() {
        String code = "```java\n" + repeat("int x = 1;\n", 15) + "```";
        String text = repeat("intro sentence here. ", 8).strip() + "\n" + code + "\n\nafter";
        List<String> chunks = MessageChunker.split(text, 300);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c).hasSizeLessThanOrEqualTo(300);
            assertThat(fences(c) % 2).isZero();
        });
        assertThat(chunks).anySatisfy(c -> assertThat(c).contains(code));
    }

    @Test
    void aCodeBlockLargerThanAChunkIsClosedAndReopened() {
        String code = "```python\n" + repeat("print('hello world')\n", 40) + "```";
        List<String> chunks = MessageChunker.split(code, 300);
        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(c -> {
            assertThat(c).hasSizeLessThanOrEqualTo(300);
            assertThat(c).startsWith("```python\n").endsWith("\n```");
        });
        String rejoined = String.join("", chunks.stream()
                .map(c -> c.substring("```python\n".length(), c.length() - 4) + "\n").toList());
        assertThat(rejoined).isEqualTo(repeat("print('hello world')\n", 40));
    }

    @Test
    void theFooterGoesAfterTheLastChunkOrOnItsOwn() {
        assertThat(MessageChunker.withFooter(List.of("a", "b"), "-# model", 2000)).containsExactly("a", "b\n-# model");
        String full = repeat("y", 1995);
        assertThat(MessageChunker.withFooter(List.of(full), "\n-# model", 2000)).containsExactly(full, "-# model");
        assertThat(MessageChunker.withFooter(List.of("a"), "", 2000)).containsExactly("a");
    }
}
