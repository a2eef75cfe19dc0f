package io.tzurot.storage.memory;

import io.tzurot.storage.db.Dialect;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The per-persona memory change counter ({@code memory_versions}), bumped inside the writing transaction. */
public final class MemoryVersions {

    private MemoryVersions() {
    }

    /** Increments the persona's counter and returns its new value (0 when the persona no longer exists). */
    public static long bump(Handle h, UUID personaId) {
        int updated = h.createUpdate("UPDATE memory_versions SET version = version + 1 WHERE persona_id = :p")
                .bind("p", personaId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO memory_versions (persona_id, version) SELECT :p, 1 FROM personas WHERE id = :p "
                            + "AND NOT EXISTS (SELECT 1 FROM memory_versions WHERE persona_id = :p)")
                    .bind("p", personaId).execute();
        }
        return current(h, personaId).orElse(0L);
    }

    /**
     * {@link #bump(Handle, UUID)} in one statement on PostgreSQL ({@code UPDATE … RETURNING}): every stored exchange
     * bumps its persona's counter, and the separate read back was a round trip per reply.
     */
    public static long bump(Handle h, UUID personaId, Dialect dialect) {
        if (dialect != Dialect.POSTGRESQL) {
            return bump(h, personaId);
        }
        Optional<Long> bumped = h.createQuery(
                        "UPDATE memory_versions SET version = version + 1 WHERE persona_id = :p RETURNING version")
                .bind("p", personaId).mapTo(Long.class).findOne();
        return bumped.isPresent() ? bumped.get() : bump(h, personaId);
    }

    static void bumpOwnerOf(Handle h, UUID memoryId) {
        h.createQuery("SELECT persona_id FROM memories WHERE id = :id").bind("id", memoryId)
                .mapTo(UUID.class).findOne().ifPresent(persona -> bump(h, persona));
    }

    static Optional<Long> current(Handle h, UUID personaId) {
        return h.createQuery("SELECT version FROM memory_versions WHERE persona_id = :p").bind("p", personaId)
                .mapTo(Long.class).findOne();
    }
}
