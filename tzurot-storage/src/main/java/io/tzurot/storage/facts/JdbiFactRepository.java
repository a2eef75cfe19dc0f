package io.tzurot.storage.facts;

import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.FactRepository;
import io.tzurot.core.facts.FactText;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link FactRepository} over JDBI, the same SQL on H2 and PostgreSQL. */
public final class JdbiFactRepository implements FactRepository {

    private static final String COLUMNS = "id, persona_id, personality_id, content, confidence, locked, source, "
            + "created_at, updated_at";

    private final Jdbi jdbi;

    public JdbiFactRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public List<MemoryFact> inScope(UUID personaId, PersonalityScope scope, int limit) {
        String personality = scope instanceof PersonalityScope.Only ? " AND personality_id = :personality" : "";
        return jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT " + COLUMNS + " FROM memory_facts WHERE persona_id = :persona" + personality
                            + " ORDER BY locked DESC, confidence DESC, updated_at DESC, id LIMIT :limit")
                    .bind("persona", personaId).bind("limit", Math.max(0, limit));
            if (scope instanceof PersonalityScope.Only only) {
                q.bind("personality", only.personalityId());
            }
            return q.map((rs, ctx) -> row(rs)).list();
        });
    }

    @Override
    public List<MemoryFact> ofPersonas(Collection<UUID> personaIds) {
        if (personaIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM memory_facts WHERE persona_id IN (<ids>)"
                        + " ORDER BY personality_id, updated_at DESC, id")
                .bindList("ids", List.copyOf(personaIds)).map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public Optional<MemoryFact> find(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    @Override
    public int apply(UUID personaId, UUID personalityId, List<FactChange> changes, String source, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        return jdbi.inTransaction(h -> {
            int changed = 0;
            for (FactChange change : changes) {
                if (change instanceof FactChange.Add add) {
                    changed += upsert(h, personaId, personalityId, add.content(), add.confidence(), source, now);
                } else if (change instanceof FactChange.Replace replace) {
                    // only an unlocked fact of the same persona is replaced; the new text then goes in as an add
                    if (deleteUnlocked(h, personaId, replace.id()) == 1) {
                        upsert(h, personaId, personalityId, replace.content(), replace.confidence(), source, now);
                        changed++;
                    }
                } else if (change instanceof FactChange.Remove remove) {
                    changed += deleteUnlocked(h, personaId, remove.id());
                }
            }
            return changed;
        });
    }

    @Override
    public Optional<MemoryFact> correct(UUID id, String content, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        return jdbi.inTransaction(h -> {
            Optional<MemoryFact> existing = find(h, id);
            if (existing.isEmpty()) {
                return Optional.empty();
            }
            MemoryFact fact = existing.get();
            String key = FactText.key(content);
            // a twin that already says the new text is merged into this fact (keeping a lock either had)
            Optional<MemoryFact> twin = byKey(h, fact.personaId(), fact.personalityId(), key).filter(t -> !t.id().equals(id));
            boolean locked = fact.locked() || twin.map(MemoryFact::locked).orElse(false);
            twin.ifPresent(t -> h.createUpdate("DELETE FROM memory_facts WHERE id = :id").bind("id", t.id()).execute());
            h.createUpdate("UPDATE memory_facts SET content = :content, content_key = :key, confidence = 1, locked = :locked,"
                            + " source = :source, updated_at = :at WHERE id = :id")
                    .bind("content", content).bind("key", key).bind("locked", locked)
                    .bind("source", MemoryFact.USER_SOURCE).bind("at", now).bind("id", id).execute();
            return find(h, id);
        });
    }

    @Override
    public boolean setLocked(UUID id, boolean locked, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE memory_facts SET locked = :locked, updated_at = :at WHERE id = :id")
                .bind("locked", locked).bind("at", at.truncatedTo(ChronoUnit.MILLIS)).bind("id", id).execute()) == 1;
    }

    @Override
    public boolean delete(UUID id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM memory_facts WHERE id = :id").bind("id", id).execute()) == 1;
    }

    /** Inserts the fact, or raises the confidence of an unlocked twin with the same key; returns rows changed. */
    private static int upsert(Handle h, UUID personaId, UUID personalityId, String content, double confidence,
                              String source, Instant now) {
        String key = FactText.key(content);
        Optional<MemoryFact> twin = byKey(h, personaId, personalityId, key);
        if (twin.isPresent()) {
            if (twin.get().locked()) {
                return 0;
            }
            return h.createUpdate("UPDATE memory_facts SET confidence = :confidence, source = :source, updated_at = :at"
                            + " WHERE id = :id")
                    .bind("confidence", Math.max(confidence, twin.get().confidence())).bind("source", source)
                    .bind("at", now).bind("id", twin.get().id()).execute();
        }
        return h.createUpdate("INSERT INTO memory_facts (" + COLUMNS + ", content_key) VALUES (:id, :persona, :personality,"
                        + " :content, :confidence, FALSE, :source, :at, :at, :key)")
                .bind("id", UUID.randomUUID()).bind("persona", personaId).bind("personality", personalityId)
                .bind("content", content).bind("confidence", confidence).bind("source", source).bind("at", now)
                .bind("key", key).execute();
    }

    private static int deleteUnlocked(Handle h, UUID personaId, UUID id) {
        return h.createUpdate("DELETE FROM memory_facts WHERE id = :id AND persona_id = :persona AND locked = FALSE")
                .bind("id", id).bind("persona", personaId).execute();
    }

    private static Optional<MemoryFact> byKey(Handle h, UUID personaId, UUID personalityId, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM memory_facts WHERE persona_id = :persona"
                        + " AND personality_id = :personality AND content_key = :key")
                .bind("persona", personaId).bind("personality", personalityId).bind("key", key)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    private static Optional<MemoryFact> find(Handle h, UUID id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM memory_facts WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    private static MemoryFact row(ResultSet rs) throws SQLException {
        return new MemoryFact(Sql.uuid(rs, "id"), Sql.uuid(rs, "persona_id"), Sql.uuid(rs, "personality_id"),
                rs.getString("content"), rs.getDouble("confidence"), rs.getBoolean("locked"), rs.getString("source"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
