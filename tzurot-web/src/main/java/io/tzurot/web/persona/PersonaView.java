package io.tzurot.web.persona;

import io.tzurot.core.persona.Persona;
import java.util.Optional;
import java.util.UUID;

/** A persona as the API shows it. */
public record PersonaView(String id, String name, String content, String description, String preferredName,
                          String pronouns, boolean shareLtmAcrossPersonalities, boolean isDefault) {

    public static PersonaView of(Persona p, Optional<UUID> defaultId) {
        return new PersonaView(p.id().toString(), p.name(), p.content(), p.description(), p.preferredName(),
                p.pronouns(), p.shareLtmAcrossPersonalities(), defaultId.map(p.id()::equals).orElse(false));
    }
}
