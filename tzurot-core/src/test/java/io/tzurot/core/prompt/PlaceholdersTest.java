package io.tzurot.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void replacesEveryFormCaseInsensitively() {
        Placeholders names = new Placeholders("Ari", "Lilith");

        assertThat(names.apply("{user} meets {{USER}}; {assistant}, {Shape}, {{char}} and {personality}."))
                .isEqualTo("Ari meets Ari; Lilith, Lilith, Lilith and Lilith.");
        assertThat(names.apply("no placeholders")).isEqualTo("no placeholders");
        assertThat(names.apply(null)).isEmpty();
    }

    @Test
    void unfinishedOrDoubledFormsKeepTheirExtraBraces() {
        Placeholders names = new Placeholders("Ari", "Lilith");

        assertThat(names.apply("{{user} {{assistant}} {user}} {usr} { {")).isEqualTo("{Ari {Lilith} Ari} {usr} { {");
        assertThat(names.apply("{user}{user}")).isEqualTo("AriAri");
        assertThat(names.apply("ends with {")).isEqualTo("ends with {");
    }

    @Test
    void aNameIsPutInOnceAndNotReadForPlaceholders() {
        assertThat(new Placeholders("{{char}}", "Lil").apply("{user} and {{char}}")).isEqualTo("{{char}} and Lil");
    }

    @Test
    void namesWithRegexCharactersAreInsertedLiterally() {
        assertThat(new Placeholders("$1 \\o/", "Lil").apply("{user}")).isEqualTo("$1 \\o/");
    }

    @Test
    void aUserNamedLikeThePersonalityGetsTheirUsername() {
        assertThat(Placeholders.forConversation("lilith", "lil_real", "Lilith", "Lilith").userName())
                .isEqualTo("lilith (@lil_real)");
        assertThat(Placeholders.forConversation("Ari", "ari", "Lilith", "Lady Lilith").userName()).isEqualTo("Ari");
        assertThat(Placeholders.forConversation(" ", null, "Lilith", "Lady Lilith").userName()).isEqualTo("User");
        assertThat(Placeholders.forConversation("Ari", null, "Lilith", "Lady Lilith").assistantName())
                .isEqualTo("Lady Lilith");
    }

    @Test
    void rejectsBlankNames() {
        assertThatThrownBy(() -> new Placeholders(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("userName");
    }
}
