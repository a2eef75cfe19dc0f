package io.tzurot.core.prompt;

import static io.tzurot.core.prompt.PromptFixtures.ARI;
import static io.tzurot.core.prompt.PromptFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemorySearchQueryTest {

    @Test
    void combinesRecentHistoryTextAttachmentsAndReferences() {
        List<HistoryEntry> history = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            history.add(PromptFixtures.userAt("msg" + i, NOW.minusSeconds(100 - i)));
        }
        history.add(PromptFixtures.lilithAt("y".repeat(600), NOW.minusSeconds(10)));
        CurrentMessage current = new CurrentMessage(ARI, "Ari", Optional.empty(), " The map ",
                List.of(new Attachment.Image("m.png", "A harbor map"), new Attachment.File("a.zip", "zip")));
        ReferencedMessage reference = new ReferencedMessage(Optional.empty(), "Mara", "", Optional.empty(),
                "Where is it?", List.of("embed text"), List.of(), false);

        assertThat(MemorySearchQuery.build(history, current, List.of(reference))).contains(
                "msg4\nmsg5\nmsg6\nmsg7\nmsg8\n" + "y".repeat(500) + "..."
                        + "\n\nThe map\n\nA harbor map\n\nWhere is it?\nembed text");
    }

    @Test
    void theBareGreetingIsNotSearchedFor() {
        CurrentMessage hello = PromptFixtures.current("Hello");

        assertThat(MemorySearchQuery.build(List.of(), hello, List.of())).isEmpty();
        assertThat(MemorySearchQuery.build(List.of(PromptFixtures.userAt("earlier", NOW)), hello, List.of()))
                .contains("earlier");
    }
}
