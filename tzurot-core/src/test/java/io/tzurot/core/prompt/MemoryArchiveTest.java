package io.tzurot.core.prompt;

import static io.tzurot.core.prompt.PromptFixtures.NEW_YORK;
import static io.tzurot.core.prompt.PromptFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryArchiveTest {

    private final Placeholders names = new Placeholders("Ari", "Lilith");

    @Test
    void rendersANoteWithPlaceholdersAndTheUsersTime() {
        MemoryNote memory = new MemoryNote("m", "{user}: a map\n{assistant}: bring it <now>",
                Optional.of(Instant.parse("2025-01-02T20:00:00Z")), 0.8);

        assertThat(MemoryArchive.note(memory, NOW, NEW_YORK, names)).isEqualTo(
                "<historical_note t=\"2025-01-02 (Thu) \u2022 3 weeks ago\" relevance=\"0.80\">Ari: a map\nLilith: bring it <now>"
                        + "</historical_note>");
    }

    @Test
    void aNoteWithoutDateHasNoTimeAttribute() {
        assertThat(MemoryArchive.note(new MemoryNote("m", "x", Optional.empty(), 0.5), NOW, NEW_YORK, names))
                .isEqualTo("<historical_note relevance=\"0.50\">x</historical_note>");
    }

    @Test
    void theSectionWrapsNotesWithTheInstruction() {
        assertThat(MemoryArchive.section(List.of("<historical_note>x</historical_note>")))
                .startsWith("<memory_archive usage=\"context_only_do_not_repeat\">\n<instruction>These are SUMMARIZED")
                .endsWith("</instruction>\n<historical_note>x</historical_note>\n</memory_archive>");
    }
}
