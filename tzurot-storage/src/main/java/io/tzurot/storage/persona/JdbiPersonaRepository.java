package io.tzurot.storage.persona;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDeletion;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.persona.PersonaNameTakenException;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link PersonaRepository} on JDBI. */
public final class JdbiPersonaRepository implements PersonaRepository {

    static final RowMapper<Persona> MAPPER = (rs, ctx) -> new Persona(uuid(rs, "id"), uuid(rs, "owner_id"),
            rs.getString("name"), rs.getString("description"), rs.getString("content"), rs.getString("preferred_name"),
            rs.getString("pronouns"), rs.getBoolean("share_ltm_across_personalities"), instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPersonaRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Persona create(UUID ownerId, PersonaDraft draft) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(draft, "draft");
        UUID id = DeterministicIds.persona(ownerId, draft.name());
        try {
            return jdbi.inTransaction(h -> {
                Instant now = now(clock);
                h.createUpdate("INSERT INTO personas (id, name, description, content, preferred_name, pronouns,"
                                + " share_ltm_across_personalities, owner_id, created_at, updated_at)"
                                + " VALUES (:id, :name, :description, :content, :preferred, :pronouns, :share, :owner, :now, :now)")
                        .bind("id", id).bind("owner", ownerId).bind("now", now)
                        .bindMethods(new Fields(draft))
                        .execute();
                // the first persona (or any persona while the user has no default) becomes the default
                h.createUpdate("UPDATE users SET default_persona_id = :id, updated_at = :now WHERE id = :owner AND default_persona_id IS NULL")
                        .bind("id", id).bind("owner", ownerId).bind("now", now).execute();
                return find(h, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new PersonaNameTakenException(draft.name());
            }
            throw e;
        }
    }

    @Override
    public Optional<Persona> findById(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    @Override
    public List<Persona> listByOwner(UUID ownerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM personas WHERE owner_id = :owner ORDER BY created_at, id")
                .bind("owner", ownerId).map(MAPPER).list());
    }

    @Override
    public Optional<Persona> oldestOwnedBy(UUID ownerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM personas WHERE owner_id = :owner ORDER BY created_at, id")
                .bind("owner", ownerId).map(MAPPER).findFirst());
    }

    @Override
    public Optional<Persona> update(UUID ownerId, UUID personaId, PersonaDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return jdbi.inTransaction(h -> {
            int sameName = h.createQuery("SELECT COUNT(*) FROM personas WHERE owner_id = :owner AND name = :name AND id <> :id")
                    .bind("owner", ownerId).bind("name", draft.name()).bind("id", personaId).mapTo(Integer.class).one();
            if (sameName > 0) {
                throw new PersonaNameTakenException(draft.name());
            }
            int rows = h.createUpdate("UPDATE personas SET name = :name, description = :description, content = :content,"
                            + " preferred_name = :preferred, pronouns = :pronouns, share_ltm_across_personalities = :share,"
                            + " updated_at = :now WHERE id = :id AND owner_id = :owner")
                    .bindMethods(new Fields(draft))
                    .bind("now", now(clock)).bind("id", personaId).bind("owner", ownerId)
                    .execute();
            return rows == 0 ? Optional.<Persona>empty() : find(h, personaId);
        });
    }

    @Override
    public PersonaDeletion delete(UUID ownerId, UUID personaId) {
        return jdbi.inTransaction(h -> {
            Optional<UUID> defaultPersona = h.createQuery("SELECT default_persona_id FROM users WHERE id = :owner")
                    .bind("owner", ownerId).mapTo(UUID.class).findOne();
            if (defaultPersona.isPresent() && personaId.equals(defaultPersona.get())) {
                return PersonaDeletion.IS_DEFAULT;
            }
            int rows = h.createUpdate("DELETE FROM personas WHERE id = :id AND owner_id = :owner")
                    .bind("id", personaId).bind("owner", ownerId).execute();
            return rows == 0 ? PersonaDeletion.NOT_FOUND : PersonaDeletion.DELETED;
        });
    }

    private static Optional<Persona> find(Handle h, UUID id) {
        return h.createQuery("SELECT * FROM personas WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    /** Bind names of a draft's columns. */
    public static final class Fields {
        private final PersonaDraft draft;

        Fields(PersonaDraft draft) {
            this.draft = draft;
        }

        public String name() {
            return draft.name();
        }

        public String description() {
            return draft.description();
        }

        public String content() {
            return draft.content();
        }

        public String preferred() {
            return draft.preferredName();
        }

        public String pronouns() {
            return draft.pronouns();
        }

        public boolean share() {
            return draft.shareLtmAcrossPersonalities();
        }
    }
}
