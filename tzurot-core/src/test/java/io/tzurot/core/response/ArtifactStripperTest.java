package io.tzurot.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactStripperTest {

    private final ArtifactStripper stripper = new ArtifactStripper(List.of("Lilith", "Lady Lilith"));

    @Test
    void stripsNameLabelsInTheirCommonForms() {
        assertThat(stripper.strip("Lilith: Hello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("**Lady Lilith:** Hello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("lilith [2 minutes ago]: Hello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("Lilith: [2025-01-27 (Mon) 15:13] Hello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("Lilith: Hello.").artifacts()).containsExactly("name_prefix");
    }

    @Test
    void keepsTheNameWhenItIsPartOfTheSentence() {
        assertThat(stripper.strip("Lilith's shop is closed: come back later.").text())
                .isEqualTo("Lilith's shop is closed: come back later.");
    }

    @Test
    void stripsEchoedMessageTags() {
        ArtifactStripper.Stripped result = stripper.strip(
                "<message from=\"Lilith\" role=\"assistant\" t=\"now\">Leave the compass outside.</message>");

        assertThat(result.text()).isEqualTo("Leave the compass outside.");
        assertThat(result.artifacts()).containsExactly("closing_tag", "message_tag");
    }

    @Test
    void stripsLeadingContextBlocksAndTrailingReactions() {
        assertThat(stripper.strip("<last_message>Ari: hi</last_message>\nHello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("<from id=\"1\">Ari</from>\n\nHello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("Hello.\n<reactions><reaction>👍</reaction></reactions>").text())
                .isEqualTo("Hello.");
    }

    @Test
    void stripsTimestampsButNotActions() {
        assertThat(stripper.strip("[15:13] Hello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("[3 minutes ago] Hello.").text()).isEqualTo("Hello.");
        assertThat(stripper.strip("[waves] Hello.").text()).isEqualTo("[waves] Hello.");
    }

    @Test
    void stopsAfterFiveRounds() {
        ArtifactStripper.Stripped result = stripper.strip("Lilith: Lilith: Lilith: Lilith: Lilith: Lilith: Hi");

        assertThat(result.artifacts()).hasSize(5);
        assertThat(result.text()).isEqualTo("Lilith: Hi");
    }

    @Test
    void worksWithoutNames() {
        assertThat(new ArtifactStripper(List.of()).strip("Lilith: Hi</message>").text()).isEqualTo("Lilith: Hi");
    }
}
