package io.tzurot.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.discord.MessageChunker;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reasoning block's shape (spec/discord.md §1.12). */
class ThinkingBlockTest {

    @Test
    void reasoningIsHiddenBehindASpoilerUnderTheHeaderWithInnerSpoilerMarksDefused() {
        List<String> blocks = ThinkingBlock.messages("first || second");

        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0)).startsWith(ThinkingBlock.HEADER + "||").endsWith("||")
                .doesNotContain("first || second");
    }

    @Test
    void longReasoningIsCutAfterThreeMessagesAndMarked() {
        List<String> blocks = ThinkingBlock.messages("x".repeat(ThinkingBlock.PER_MESSAGE * 5));

        assertThat(blocks).hasSize(3).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(MessageChunker.DISCORD_LIMIT));
        assertThat(blocks.get(2)).endsWith(ThinkingBlock.TRUNCATED + "||");
        assertThat(ThinkingBlock.messages("  ")).isEmpty();
    }
}
