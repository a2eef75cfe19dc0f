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
}
