package io.tzurot.core.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.card.CardMapping;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shapes.inc → character mapping (api.md §B.3) and the checks made before shapes.inc is asked anything. */
class ShapesMappingTest {

    @Test
    void mapsEveryFieldAndFallsBackWhereTheReferenceDoes() {
        ShapesCharacter c = ShapesMapping.character(Map.ofEntries(Map.entry("id", "s-1"), Map.entry("username", "nyx"),
                Map.entry("name", "Nyx"), Map.entry("user_prompt", "Nyx watches the night."),
                Map.entry("personality_traits", "quiet"), Map.entry("personality_tone", "soft"),
                Map.entry("personality_age", ""), Map.entry("shape_settings.appearance", "dark cloak"),
                Map.entry("personality_likes", "stars"), Map.entry("personality_dislikes", "noon"),
                Map.entry("personality_conversational_goals", "listen"),
                Map.entry("personality_conversational_examples", "Nyx: hush"), Map.entry("error_message", "…"),
                Map.entry("jailbreak", "You are Nyx."), Map.entry("avatar", "https://files.shapes.inc/nyx.png")));
        assertThat(c.fields()).containsEntry("name", "Nyx").containsEntry("displayName", "Nyx")
                .containsEntry("characterInfo", "Nyx watches the night.").containsEntry("personalityTraits", "quiet")
                .containsEntry("tone", "soft").containsEntry("appearance", "dark cloak").containsEntry("likes", "stars")
                .containsEntry("dislikes", "noon").containsEntry("conversationalGoals", "listen")
                .containsEntry("conversationalExamples", "Nyx: hush").containsEntry("errorMessage", "…")
                .doesNotContainKey("age");
        assertThat(c.systemPrompt()).isEqualTo("You are Nyx.");
        assertThat(c.avatarUrl()).isEqualTo("https://files.shapes.inc/nyx.png");
        assertThat(c.shapeId()).isEqualTo("s-1");

        ShapesCharacter bare = ShapesMapping.character(Map.of("id", "s-2", "username", "bare",
                "personality_appearance", "tall", "shape_settings.appearance", "short"));
        assertThat(bare.name()).isEqualTo("bare");
        assertThat(bare.fields()).containsEntry("characterInfo", "bare")
                .containsEntry("personalityTraits", CardMapping.NO_TRAITS).containsEntry("appearance", "tall");
        assertThat(bare.systemPrompt()).isEmpty();
    }

    @Test
    void aConfigurationWithoutIdOrUsernameIsRefused() {
        assertThatThrownBy(() -> ShapesMapping.character(Map.of("username", "x"))).hasMessageContaining("'id'");
        assertThatThrownBy(() -> ShapesMapping.character(Map.of("id", "1"))).hasMessageContaining("'username'");
    }

    @Test
    void theCookieAndTheUsernameAreCheckedWithoutRepeatingTheCookie() {
        assertThat(ImportingShapes.requireCookie(" appSession=abc ")).isEqualTo("appSession=abc");
        assertThat(ImportingShapes.requireCookie("appSession.0=a; appSession.1=b")).contains("appSession.1=b");
        for (String bad : new String[] {"", "session=secret-value", "appSession.0=secret-value", "appSession=x\ny",
                "appSession=" + "x".repeat(20_000)}) {
            assertThatThrownBy(() -> ImportingShapes.requireCookie(bad)).isInstanceOfSatisfying(DomainException.class,
                    e -> {
                        assertThat(((DomainError.InvalidField) e.error()).field()).isEqualTo("sessionCookie");
                        assertThat(e.getMessage()).doesNotContain("secret-value");
                    });
        }
        assertThat(ImportingShapes.requireSlug(" My-Shape ")).isEqualTo("my-shape");
        assertThatThrownBy(() -> ImportingShapes.requireSlug("../etc")).hasMessageContaining("'slug'");
        assertThatThrownBy(() -> ImportingShapes.requireSlug("")).hasMessageContaining("'slug'");
    }
}
