package io.tzurot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.Attachment;
import io.tzurot.core.prompt.CurrentMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a user's turn is stored as (spec/discord.md §1.13). */
class StoredUserContentTest {

    @Test
    void aMessageWithoutTextIsStoredAsNoTextContentFollowedByItsAttachments() {
        CurrentMessage imageOnly = new CurrentMessage("p1", "Alice", Optional.empty(), "  ",
                List.of(new Attachment.Image("cat.png", "a grey cat asleep")));

        String stored = RecordingExchange.storedUserContent(imageOnly);

        assertThat(stored).startsWith("[no text content]\n\n").contains("a grey cat asleep").doesNotContain("Hello");
    }

    @Test
    void textIsStoredFirstThenTheAttachmentDescriptions() {
        CurrentMessage message = new CurrentMessage("p1", "Alice", Optional.empty(), "look at this",
                List.of(new Attachment.Image("cat.png", "a grey cat asleep")));

        assertThat(RecordingExchange.storedUserContent(message)).startsWith("look at this\n\n")
                .contains("a grey cat asleep");
        assertThat(RecordingExchange.storedUserContent(new CurrentMessage("p1", "Alice", Optional.empty(), "", List.of())))
                .isEqualTo("[no text content]");
    }
}
