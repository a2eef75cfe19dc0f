package io.tzurot.core.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugValidatorTest {

    @Test
    void acceptsLowercaseSlugsWithSingleHyphens() {
        assertThat(SlugValidator.problems("luna")).isEmpty();
        assertThat(SlugValidator.isValid("dr-who-2")).isTrue();
        assertThat(SlugValidator.isValid("a".repeat(50))).isTrue();
    }

    @Test
    void explainsEveryRule() {
        assertThat(SlugValidator.problems(null)).containsExactly("slug is required");
        assertThat(SlugValidator.problems("ab")).containsExactly("slug must be 3-50 characters");
        assertThat(SlugValidator.problems("a".repeat(51))).containsExactly("slug must be 3-50 characters");
        assertThat(SlugValidator.problems("Luna")).singleElement().asString().contains("lowercase letter");
        assertThat(SlugValidator.problems("9lives")).singleElement().asString().contains("start with a lowercase letter");
        assertThat(SlugValidator.problems("luna-")).containsExactly("slug must not end with a hyphen");
        assertThat(SlugValidator.problems("lu--na")).containsExactly("slug must not contain consecutive hyphens");
        assertThat(SlugValidator.problems("admin")).containsExactly("slug 'admin' is reserved");
        assertThat(SlugValidator.problems("-x-")).hasSize(2);
    }

    @Test
    void draftsTrimAndValidate() {
        PersonalityDraft d = new PersonalityDraft(" Luna ", "  ", " luna ", " info ", " calm ", "", null, null, null,
                null, null, null, " ", false);
        assertThat(d.name()).isEqualTo("Luna");
        assertThat(d.slug()).isEqualTo("luna");
        assertThat(d.displayName()).isNull();
        assertThat(d.tone()).isNull();
        assertThat(d.errorMessage()).isNull();
        assertThatThrownBy(() -> PersonalityDraft.of("", "help", "", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reserved").hasMessageContaining("name must be").hasMessageContaining("characterInfo");
        assertThatThrownBy(() -> PersonalityDraft.of("n", "slug", "i", "t".repeat(1001)))
                .hasMessageContaining("personalityTraits must be 1-1000");
    }
}
