package io.tzurot.storage.memory;

import io.tzurot.storage.db.Database;
import java.util.UUID;

/** Users, personas and personalities for contract suites, each call with fresh random keys. */
public final class TestRows {

    private TestRows() {
    }

    /** A user with one persona. */
    public record Owner(UUID userId, String username, UUID personaId) {
    }

    public static Owner owner(Database db, String username, String personaName, String preferredName) {
        UUID user = UUID.randomUUID();
        UUID persona = UUID.randomUUID();
        String discordId = Long.toString(100_000_000_000_000_000L + (long) (Math.random() * 1e17));
        db.jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO users (id, discord_id, username) VALUES (:id, :discord, :name)")
                    .bind("id", user).bind("discord", discordId).bind("name", username).execute();
            h.createUpdate("INSERT INTO personas (id, name, preferred_name, content, owner_id) VALUES (:id, :name, :pref, '', :owner)")
                    .bind("id", persona).bind("name", personaName).bind("pref", preferredName).bind("owner", user).execute();
        });
        return new Owner(user, username, persona);
    }

    /** A personality owned by the user; {@code displayName} may be null. */
    public static UUID personality(Database db, UUID ownerId, String name, String displayName) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO personalities (id, name, display_name, slug, owner_id, "
                        + "character_info, personality_traits) VALUES (:id, :name, :display, :slug, :owner, 'info', 'traits')")
                .bind("id", id).bind("name", name).bind("display", displayName)
                .bind("slug", "p-" + id.toString().substring(0, 18)).bind("owner", ownerId).execute());
        return id;
    }
}
