package io.tzurot.storage.preset;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDeletion;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.preset.PresetNameTakenException;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.storage.db.JsonText;
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
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link PresetRepository} on JDBI; the singleton flags are switched inside one transaction. */
public final class JdbiPresetRepository implements PresetRepository {

    private static final String COLUMNS = "id, name, description, owner_id, is_global, is_default, is_free_default, provider,"
            + " model, vision_model, advanced_parameters, context_window_tokens, created_at, updated_at";

    private static final RowMapper<Preset> MAPPER = (rs, ctx) -> {
        UUID id = uuid(rs, "id");
        return new Preset(id, rs.getString("name"), rs.getString("description"), uuid(rs, "owner_id"),
                rs.getBoolean("is_global"), rs.getBoolean("is_default"), rs.getBoolean("is_free_default"),
                rs.getString("provider"), rs.getString("model"), rs.getString("vision_model"),
                AdvancedParametersJson.read(rs.getString("advanced_parameters"), "llm_configs " + id),
                rs.getInt("context_window_tokens"), instant(rs, "created_at"), instant(rs, "updated_at"));
    };

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPresetRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Preset create(UUID ownerId, PresetDraft draft) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(draft, "draft");
        UUID id = DeterministicIds.preset(draft.name());
        try {
            return jdbi.inTransaction(h -> {
                bindDraft(h.createUpdate("INSERT INTO llm_configs (id, name, description, owner_id, is_global, provider, model,"
                                + " vision_model, advanced_parameters, context_window_tokens, created_at, updated_at)"
                                + " VALUES (:id, :name, :description, :owner, :isGlobal, :provider, :model, :visionModel,"
                                + " :parameters, :contextWindow, :now, :now)"), draft)
                        .bind("id", id).bind("owner", ownerId).bind("now", now(clock)).execute();
                return find(h, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new PresetNameTakenException(draft.name());
            }
            throw e;
        }
    }

    @Override
    public Optional<Preset> update(UUID presetId, PresetDraft draft) {
        Objects.requireNonNull(draft, "draft");
        return jdbi.inTransaction(h -> {
            Optional<Preset> current = find(h, presetId);
            if (current.isEmpty()) {
                return Optional.<Preset>empty();
            }
            if ((current.get().isDefault() || current.get().isFreeDefault()) && !draft.isGlobal()) {
                throw new IllegalArgumentException("the system default and free default presets must stay global");
            }
            if (current.get().isFreeDefault() && !draft.model().endsWith(":free")) {
                throw new IllegalArgumentException("the free default preset's model must end with ':free'");
            }
            // names are unique like at creation, where the id derives from the name
            int sameName = h.createQuery("SELECT COUNT(*) FROM llm_configs WHERE name = :name AND id <> :id")
                    .bind("name", draft.name()).bind("id", presetId).mapTo(Integer.class).one();
            if (sameName > 0) {
                throw new PresetNameTakenException(draft.name());
            }
            bindDraft(h.createUpdate("UPDATE llm_configs SET name = :name, description = :description, is_global = :isGlobal,"
                            + " provider = :provider, model = :model, vision_model = :visionModel,"
                            + " advanced_parameters = :parameters, context_window_tokens = :contextWindow, updated_at = :now"
                            + " WHERE id = :id"), draft)
                    .bind("now", now(clock)).bind("id", presetId).execute();
            return find(h, presetId);
        });
    }

    @Override
    public Optional<Preset> findById(UUID presetId) {
        return jdbi.withHandle(h -> find(h, presetId));
    }

    @Override
    public List<Preset> listSelectableBy(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_configs WHERE is_global = TRUE OR owner_id = :user"
                        + " ORDER BY (CASE WHEN is_global THEN 0 ELSE 1 END), LOWER(name), id")
                .bind("user", userId).map(MAPPER).list());
    }

    @Override
    public Optional<Preset> findSystemDefault() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_configs WHERE is_default = TRUE AND is_global = TRUE")
                .map(MAPPER).findFirst());
    }

    @Override
    public Optional<Preset> findFreeDefault() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM llm_configs WHERE is_free_default = TRUE AND is_global = TRUE")
                .map(MAPPER).findFirst());
    }

    @Override
    public void setSystemDefault(UUID presetId) {
        jdbi.useTransaction(h -> {
            Preset preset = find(h, presetId).orElseThrow(() -> new IllegalArgumentException("no preset " + presetId));
            if (!preset.isGlobal()) {
                throw new IllegalArgumentException("only a global preset can be the system default");
            }
            switchFlag(h, "is_default", presetId);
        });
    }

    @Override
    public void setFreeDefault(UUID presetId) {
        jdbi.useTransaction(h -> {
            Preset preset = find(h, presetId).orElseThrow(() -> new IllegalArgumentException("no preset " + presetId));
            if (!preset.isGlobal() || !preset.model().endsWith(":free")) {
                throw new IllegalArgumentException("the free default must be a global preset whose model ends with ':free'");
            }
            switchFlag(h, "is_free_default", presetId);
        });
    }

    @Override
    public PresetDeletion delete(UUID presetId) {
        return jdbi.inTransaction(h -> {
            Optional<Preset> preset = find(h, presetId);
            if (preset.isEmpty()) {
                return PresetDeletion.NOT_FOUND;
            }
            if (preset.get().isDefault()) {
                return PresetDeletion.IS_SYSTEM_DEFAULT;
            }
            int references = h.createQuery("SELECT (SELECT COUNT(*) FROM personality_default_configs WHERE llm_config_id = :id)"
                            + " + (SELECT COUNT(*) FROM user_personality_configs WHERE llm_config_id = :id)")
                    .bind("id", presetId).mapTo(Integer.class).one();
            if (references > 0) {
                return PresetDeletion.IN_USE;
            }
            h.createUpdate("DELETE FROM llm_configs WHERE id = :id").bind("id", presetId).execute();
            return PresetDeletion.DELETED;
        });
    }

    private void switchFlag(Handle h, String column, UUID presetId) {
        Instant now = now(clock);
        // column is one of two constants; clear first so the unique singleton index never sees two rows
        h.createUpdate("UPDATE llm_configs SET " + column + " = FALSE, updated_at = :now WHERE " + column + " = TRUE AND id <> :id")
                .bind("now", now).bind("id", presetId).execute();
        h.createUpdate("UPDATE llm_configs SET " + column + " = TRUE, updated_at = :now WHERE id = :id")
                .bind("now", now).bind("id", presetId).execute();
    }

    private static <S extends SqlStatement<S>> S bindDraft(S statement, PresetDraft d) {
        return statement.bind("name", d.name()).bind("description", d.description()).bind("isGlobal", d.isGlobal())
                .bind("provider", d.provider()).bind("model", d.model()).bind("visionModel", d.visionModel())
                .bindByType("parameters", AdvancedParametersJson.write(d.advancedParameters()), JsonText.class)
                .bind("contextWindow", d.contextWindowTokens());
    }

    private static Optional<Preset> find(Handle h, UUID id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM llm_configs WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }
}
