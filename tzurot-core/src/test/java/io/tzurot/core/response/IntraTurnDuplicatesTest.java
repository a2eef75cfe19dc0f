package io.tzurot.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntraTurnDuplicatesTest {

    private static final String REPLY = "The harbor map is older than it looks; see how the serpent in the margin has"
            + " been redrawn twice.";

    @Test
    void cutsAnExactSecondCopy() {
        assertThat(IntraTurnDuplicates.remove(REPLY + "\n\n" + REPLY)).isEqualTo(REPLY);
    }

    @Test
    void cutsATruncatedSecondCopy() {
        assertThat(IntraTurnDuplicates.remove(REPLY + " " + REPLY.substring(0, 60))).isEqualTo(REPLY);
    }

    @Test
    void cutsANearCopy() {
        String near = REPLY.replace("twice", "two times").replace("margin", "margins");

        assertThat(IntraTurnDuplicates.remove(REPLY + "\n" + near)).isEqualTo(REPLY);
    }

    @Test
    void keepsARepeatedOpeningWithADifferentContinuation() {
        String text = "The harbor map is older than it looks. The harbor map is older than it looks, yes, but what"
                + " matters is who drew the serpent, and why anyone would hide a lighthouse under the ink.";

        assertThat(IntraTurnDuplicates.remove(text)).isEqualTo(text);
    }

    @Test
    void leavesShortAndUniqueRepliesAlone() {
        assertThat(IntraTurnDuplicates.remove("Hi. Hi.")).isEqualTo("Hi. Hi.");
        assertThat(IntraTurnDuplicates.remove(REPLY)).isEqualTo(REPLY);
        assertThat(IntraTurnDuplicates.remove(null)).isEmpty();
    }

    @Test
    void keepsASongWhoseRefrainOpensItAndComesBack() {
        String refrain = "Oh, the lamps are lit on the harbor wall,\n";
        String song = refrain + refrain
                + "and the tide rolls in with the evening call.\n"
                + "The nets are mended, the boats are tied,\n"
                + "the gulls have quieted, the wind has died.\n\n"
                + refrain + "and every sailor is home tonight,\n"
                + "so sing it once more, and hold the light.";

        assertThat(IntraTurnDuplicates.remove(song)).isEqualTo(song);
    }

    @Test
    void keepsARepeatedHeadingWithDifferentSections() {
        String text = "## What the map shows\nThe coast from the old mill to the point, drawn before the flood.\n\n"
                + "## What the map shows\nOn the back: a second coast, inked later, with a lighthouse that was never"
                + " built and a cove that nobody in the village can name.\n\n"
                + "## What the map hides\nA serpent, redrawn twice, over the place where the ferry sank.";

        assertThat(IntraTurnDuplicates.remove(text)).isEqualTo(text);
    }

    @Test
    void keepsAListOfSimilarSentences() {
        String list = "You could try the harbor at dawn, when the boats come in.\n"
                + "You could try the harbor at noon, when the market is loud and the fishmongers argue.\n"
                + "You could try the harbor at dusk, when the lamps are lit along the wall.\n"
                + "You could try the harbor at midnight, if you do not mind the fog or the bells.";

        assertThat(IntraTurnDuplicates.remove(list)).isEqualTo(list);
        String three = list.substring(0, list.lastIndexOf('\n'));
        assertThat(IntraTurnDuplicates.remove(three)).isEqualTo(three);
    }

    @Test
    void keepsAnOpeningSentenceThatTheReplyComesBackTo() {
        String text = "I remember the old lighthouse on the point. I remember the old lighthouse on the point. And the"
                + " keeper who let us climb it, and the way the stairs rang under our boots, and how the whole sea"
                + " turned silver at the top while he told us about the wreck of the Marianne.";

        assertThat(IntraTurnDuplicates.remove(text)).isEqualTo(text);
    }

    @Test
    void keepsAListWhoseItemsGrowFromTheFirst() {
        String list = "- Walk down to the harbor at dawn\n"
                + "- Walk down to the harbor at dawn, then climb to the lighthouse before the fog lifts.\n"
                + "- Walk down to the harbor at dawn, climb the lighthouse, and stay for the bells at noon.";

        assertThat(IntraTurnDuplicates.remove(list)).isEqualTo(list);
    }

    @Test
    void cutsAStutteredListWhereItsCopyStartsNotBetweenItsItems() {
        String list = "You could try the harbor at dawn, when the boats come in.\n"
                + "You could try the harbor at noon, when the market is loud.\n"
                + "You could try the harbor at dusk, when the lamps are lit.";

        assertThat(IntraTurnDuplicates.remove(list + "\n\n" + list)).isEqualTo(list);
    }

    @Test
    void cutsAStutterFollowedByAShortTail() {
        assertThat(IntraTurnDuplicates.remove(REPLY + " " + REPLY + " Anyway.")).isEqualTo(REPLY);
    }
}
