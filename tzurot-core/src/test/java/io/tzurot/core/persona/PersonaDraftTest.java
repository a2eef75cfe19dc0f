package io.tzurot.core.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PersonaDraftTest {

    @Test
    void trimsAndTurnsBlankOptionalFieldsIntoNull() {
        PersonaDraft d = new PersonaDraft(" Me ", " ", " hello ", "", " she/her ", true);

        assertThat(d.name()).isEqualTo("Me");
        assertThat(d.description()).isNull();
        assertThat(d.content()).isEqualTo("hello");
        assertThat(d.preferredName()).isNull();
        assertThat(d.pronouns()).isEqualTo("she/her");
    }

    @Test
    void rejectsFieldsOutOfBounds() {
        assertThatThrownBy(() -> new PersonaDraft(" ", null, "c", null, null, false)).hasMessageContaining("name must be 1-255");
        assertThatThrownBy(() -> new PersonaDraft("n", null, "c".repeat(4001), null, null, false)).hasMessageContaining("content");
        assertThatThrownBy(() -> new PersonaDraft("n", "d".repeat(501), "c", null, null, false)).hasMessageContaining("description");
        assertThatThrownBy(() -> new PersonaDraft("n", null, "c", null, "p".repeat(101), false)).hasMessageContaining("pronouns");
    }

    @Test
    void onlyTheSystemDefaultHasNoPersona() {
        assertThat(ResolvedPersona.none().persona()).isEmpty();
        assertThatThrownBy(() -> new ResolvedPersona(Optional.empty(), PersonaSource.USER_DEFAULT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
