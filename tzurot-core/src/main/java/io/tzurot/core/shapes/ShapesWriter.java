package io.tzurot.core.shapes;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.personality.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes one read shapes.inc export: embeds first, then stores character, avatar and memories in one transaction. */
final class ShapesWriter {

    private static final Logger LOG = LoggerFactory.getLogger(ShapesWriter.class);

    /** What was stored. */
    record Written(Personality personality, int imported, int skipped, String metadataJson) {
    }

    private record Embedded(ShapesMemory memory, float[] vector) {
    }

    private final ImportingShapes.Ports ports;

    ShapesWriter(ImportingShapes.Ports ports) {
        this.ports = ports;
    }

    Written write(Actor actor, Persona persona, ShapesExport export) {
        ShapesCharacter character = export.character();
        String slug = ports.characters().freeSlug(Slugs.fromName(character.username()));
        PersonalityInput input = new PersonalityInput(character.fields(), slug, false);
        byte[] avatar = avatar(export);
        List<Embedded> embedded = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int skipped = 0;
        for (ShapesMemory m : export.memories()) {
            String text = m.text().strip();
            if (m.deleted() || text.isEmpty() || !seen.add(text)) {
                skipped++;
                continue;
            }
            embedded.add(new Embedded(m, ports.embeddings().embed(text)));
        }
        int alreadyThere = skipped;
        try {
            return ports.transactions().inTransaction(() -> {
                Personality p = character.systemPrompt().isBlank() ? ports.creating().create(actor, input)
                        : ports.creating().create(actor, input, character.systemPrompt());
                if (avatar != null) {
                    ports.personalities().setAvatar(p.id(), avatar);
                }
                int imported = 0;
                for (Embedded e : embedded) {
                    if (ports.memories().insert(memory(persona.id(), p.id(), e))) {
                        imported++;
                    }
                }
                int skippedAll = alreadyThere + embedded.size() - imported;
                return new Written(p, imported, skippedAll, metadata(export, skippedAll, avatar != null));
            });
        } catch (DomainException e) {
            throw restate(e);
        }
    }

    private byte[] avatar(ShapesExport export) {
        if (export.avatar() == null) {
            return null;
        }
        try {
            return ports.avatars().prepare(export.avatar());
        } catch (RuntimeException e) {
            // an unusable avatar does not stop the import (as in the reference); the character keeps the default
            LOG.info("shapes.inc avatar of '{}' not used: {}", export.character().username(), e.getMessage());
            return null;
        }
    }

    private static NewMemory memory(UUID personaId, UUID personalityId, Embedded e) {
        ShapesMemory m = e.memory();
        String text = m.text().strip();
        return new NewMemory(DeterministicIds.memory(personaId, personalityId, text), personaId, personalityId, text,
                e.vector(), true, null, null, null, "global", summaryType(m.summaryType()),
                snowflake(m.channelId()), snowflake(m.guildId()), m.messageIds(), m.senders(), m.createdAt(),
                legacyUser(m.senders()), "shapes-inc", null);
    }

    private static UUID legacyUser(List<String> senders) {
        if (senders.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(senders.get(0));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A Discord id as stored (1-20 digits); anything else in the file is dropped rather than failing the import. */
    private static String snowflake(String s) {
        return s != null && s.matches("\\d{1,20}") ? s : null;
    }

    private static String summaryType(String s) {
        return s == null || s.isBlank() || s.length() > 50 ? "conversation" : s;
    }

    private static String metadata(ShapesExport export, int skipped, boolean avatar) {
        return "{\"storiesCount\":" + export.storiesCount() + ",\"memoriesSkipped\":" + skipped
                + ",\"avatarDownloaded\":" + avatar + ",\"memoriesRead\":" + export.memories().size() + "}";
    }

    /** A field the character rules refuse, restated as the shapes.inc field it came from. */
    private static DomainException restate(DomainException e) {
        if (e.error() instanceof DomainError.InvalidField invalid && invalid.field() != null
                && !invalid.field().equals("slug")) {
            return DomainException.invalid("shape", "The shapes.inc character's '" + invalid.field()
                    + "' does not fit here: " + invalid.message());
        }
        return e;
    }
}
