package io.tzurot.core.persona;

import java.util.Objects;
import java.util.Optional;

/** The persona to use for one user and personality; empty for {@link PersonaSource#SYSTEM_DEFAULT}. */
public record ResolvedPersona(Optional<Persona> persona, PersonaSource source) {

    public ResolvedPersona {
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(source, "source");
        if (persona.isEmpty() != (source == PersonaSource.SYSTEM_DEFAULT)) {
            throw new IllegalArgumentException("only the system default has no persona");
        }
    }

    public static ResolvedPersona none() {
        return new ResolvedPersona(Optional.empty(), PersonaSource.SYSTEM_DEFAULT);
    }
}
