package io.tzurot.storage.personality;

import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.personality.PersonalityRows.CAN_EDIT;
import static io.tzurot.storage.personality.PersonalityRows.CAN_VIEW;
import static io.tzurot.storage.personality.PersonalityRows.COLUMNS;
import static io.tzurot.storage.personality.PersonalityRows.MAPPER;
import static io.tzurot.storage.personality.PersonalityRows.bindDraft;
import static io.tzurot.storage.personality.PersonalityRows.bindViewer;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.AliasTakenException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SlugTakenException;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import io.tzurot.storage.settings.ConfigOverridesJson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link PersonalityRepository} on JDBI. */
public final class JdbiPersonalityRepository implements PersonalityRepository {

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPersonalityRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Personality create(UUID ownerId, PersonalityDraft draft) {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(draft, "draft");
        UUID id = DeterministicIds.personality(draft.slug());
        try {
            return jdbi.inTransaction(h -> {
                Instant now = now(clock);
                Optional<UUID> prompt = h.createQuery("SELECT id FROM system_prompts WHERE is_default = TRUE ORDER BY created_at, id")
                        .mapTo(UUID.class).findFirst();
                bindDraft(h.createUpdate("INSERT INTO personalities (id, name, display_name, slug, system_prompt_id, owner_id,"
                                + " character_info, personality_traits, personality_tone, personality_age, personality_appearance,"
                                + " personality_likes, personality_dislikes, conversational_goals, conversational_examples,"
                                + " error_message, is_public, created_at, updated_at) VALUES (:id, :name, :displayName, :slug,"
                                + " :prompt, :owner, :characterInfo, :traits, :tone, :age, :appearance, :likes, :dislikes, :goals,"
                                + " :examples, :errorMessage, :isPublic, :now, :now)"), draft)
                        .bind("id", id).bind("prompt", Sql.nullableUuid(prompt.orElse(null)))
                        .bind("owner", ownerId).bind("now", now).execute();
                h.createQuery("SELECT id FROM llm_configs WHERE is_global = TRUE AND is_default = TRUE")
                        .mapTo(UUID.class).findFirst()
                        .ifPresent(preset -> linkPreset(h, id, preset, now));
                return find(h, id).orElseThrow();
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new SlugTakenException(draft.slug());
            }
            throw e;
        }
    }

    @Override
    public Optional<Personality> update(UUID personalityId, PersonalityDraft draft) {
        Objects.requireNonNull(draft, "draft");
        try {
            return jdbi.inTransaction(h -> {
                int rows = bindDraft(h.createUpdate("UPDATE personalities SET name = :name, display_name = :displayName,"
                                + " slug = :slug, character_info = :characterInfo, personality_traits = :traits,"
                                + " personality_tone = :tone, personality_age = :age, personality_appearance = :appearance,"
                                + " personality_likes = :likes, personality_dislikes = :dislikes, conversational_goals = :goals,"
                                + " conversational_examples = :examples, error_message = :errorMessage, is_public = :isPublic,"
                                + " updated_at = :now WHERE id = :id"), draft)
                        .bind("now", now(clock)).bind("id", personalityId).execute();
                return rows == 0 ? Optional.<Personality>empty() : find(h, personalityId);
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new SlugTakenException(draft.slug());
            }
            throw e;
        }
    }

    @Override
    public boolean delete(UUID personalityId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM personalities WHERE id = :id").bind("id", personalityId).execute()) > 0;
    }

    @Override
    public Optional<Personality> findById(UUID personalityId) {
        return jdbi.withHandle(h -> find(h, personalityId));
    }

    @Override
    public Optional<Personality> lookup(String query, Viewer viewer) {
        Objects.requireNonNull(viewer, "viewer");
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        String q = query.trim();
        String lower = q.toLowerCase(Locale.ROOT);
        return jdbi.withHandle(h -> {
            if (UUID_SHAPE.matcher(q).matches()) {
                Optional<Personality> byId = bindViewer(h.createQuery("SELECT " + COLUMNS + " FROM personalities p"
                        + " WHERE p.id = :id AND " + CAN_VIEW), viewer).bind("id", UUID.fromString(q)).map(MAPPER).findOne();
                if (byId.isPresent()) {
                    return byId;
                }
            }
            // several characters may share a name: public first, then the bot owner's, then the oldest
            Optional<Personality> byName = bindViewer(h.createQuery("SELECT " + COLUMNS + " FROM personalities p"
                    + " JOIN users u ON u.id = p.owner_id WHERE LOWER(p.name) = LOWER(:name) AND " + CAN_VIEW
                    + " ORDER BY (CASE WHEN p.is_public THEN 2 ELSE 0 END) + (CASE WHEN u.is_superuser THEN 1 ELSE 0 END) DESC,"
                    + " p.created_at, p.id"), viewer).bind("name", q).map(MAPPER).findFirst();
            if (byName.isPresent()) {
                return byName;
            }
            Optional<Personality> bySlug = bindViewer(h.createQuery("SELECT " + COLUMNS + " FROM personalities p"
                    + " WHERE p.slug = :slug AND " + CAN_VIEW), viewer).bind("slug", lower).map(MAPPER).findOne();
            if (bySlug.isPresent()) {
                return bySlug;
            }
            return bindViewer(h.createQuery("SELECT " + COLUMNS + " FROM personalities p"
                    + " JOIN personality_aliases a ON a.personality_id = p.id WHERE a.alias = :alias AND " + CAN_VIEW), viewer)
                    .bind("alias", lower).map(MAPPER).findOne();
        });
    }

    @Override
    public List<Personality> listVisible(Viewer viewer) {
        return jdbi.withHandle(h -> bindViewer(h.createQuery("SELECT " + COLUMNS + " FROM personalities p WHERE " + CAN_VIEW
                + " ORDER BY LOWER(p.name), p.created_at, p.id LIMIT 1000"), viewer).map(MAPPER).list());
    }

    @Override
    public boolean canView(UUID personalityId, Viewer viewer) {
        return matches(personalityId, viewer, CAN_VIEW);
    }

    @Override
    public boolean canEdit(UUID personalityId, Viewer viewer) {
        return matches(personalityId, viewer, CAN_EDIT);
    }

    private boolean matches(UUID personalityId, Viewer viewer, String filter) {
        return jdbi.withHandle(h -> bindViewer(h.createQuery("SELECT COUNT(*) FROM personalities p WHERE p.id = :id AND " + filter), viewer)
                .bind("id", personalityId).mapTo(Integer.class).one()) > 0;
    }

    @Override
    public void addCoOwner(UUID personalityId, UUID userId) {
        jdbi.useHandle(h -> h.createUpdate("MERGE INTO personality_owners t USING (SELECT 1 AS one) s"
                        + " ON (t.personality_id = :personality AND t.user_id = :user)"
                        + " WHEN NOT MATCHED THEN INSERT (personality_id, user_id, created_at) VALUES (:personality, :user, :now)")
                .bind("personality", personalityId).bind("user", userId).bind("now", now(clock)).execute());
    }

    @Override
    public void removeCoOwner(UUID personalityId, UUID userId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM personality_owners WHERE personality_id = :personality AND user_id = :user")
                .bind("personality", personalityId).bind("user", userId).execute());
    }

    @Override
    public List<UUID> coOwners(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM personality_owners WHERE personality_id = :personality"
                        + " ORDER BY created_at, user_id")
                .bind("personality", personalityId).mapTo(UUID.class).list());
    }

    @Override
    public void addAlias(UUID personalityId, String alias) {
        String normalised = normaliseAlias(alias);
        try {
            jdbi.useTransaction(h -> {
                Optional<UUID> current = h.createQuery("SELECT personality_id FROM personality_aliases WHERE alias = :alias")
                        .bind("alias", normalised).mapTo(UUID.class).findOne();
                if (current.isPresent()) {
                    if (!current.get().equals(personalityId)) {
                        throw new AliasTakenException(normalised);
                    }
                    return;
                }
                h.createUpdate("INSERT INTO personality_aliases (alias, personality_id, created_at) VALUES (:alias, :personality, :now)")
                        .bind("alias", normalised).bind("personality", personalityId).bind("now", now(clock)).execute();
            });
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new AliasTakenException(normalised);
            }
            throw e;
        }
    }

    @Override
    public void removeAlias(String alias) {
        String normalised = normaliseAlias(alias);
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM personality_aliases WHERE alias = :alias").bind("alias", normalised).execute());
    }

    @Override
    public List<String> aliases(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT alias FROM personality_aliases WHERE personality_id = :personality ORDER BY alias")
                .bind("personality", personalityId).mapTo(String.class).list());
    }

    @Override
    public Optional<UUID> defaultPresetId(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT llm_config_id FROM personality_default_configs WHERE personality_id = :personality")
                .bind("personality", personalityId).mapTo(UUID.class).findOne());
    }

    @Override
    public void setDefaultPreset(UUID personalityId, UUID presetId) {
        jdbi.useHandle(h -> {
            if (presetId == null) {
                h.createUpdate("DELETE FROM personality_default_configs WHERE personality_id = :personality")
                        .bind("personality", personalityId).execute();
            } else {
                linkPreset(h, personalityId, presetId, now(clock));
            }
        });
    }

    @Override
    public ConfigOverrides configDefaults(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT config_defaults FROM personalities WHERE id = :id")
                        .bind("id", personalityId).map((rs, ctx) -> rs.getString(1)).findOne())
                .map(json -> ConfigOverridesJson.read(json, "personalities " + personalityId))
                .orElse(ConfigOverrides.EMPTY);
    }

    @Override
    public void setConfigDefaults(UUID personalityId, ConfigOverrides configDefaults) {
        Objects.requireNonNull(configDefaults, "configDefaults");
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE personalities SET config_defaults = :json, updated_at = :now WHERE id = :id")
                .bindByType("json", ConfigOverridesJson.write(configDefaults), JsonText.class)
                .bind("now", now(clock)).bind("id", personalityId).execute());
        requireRow(rows, personalityId);
    }

    @Override
    public boolean hasAvatar(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT avatar_data IS NOT NULL FROM personalities WHERE id = :id")
                .bind("id", personalityId).mapTo(Boolean.class).findOne()).orElse(false);
    }

    @Override
    public Optional<byte[]> avatar(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT avatar_data FROM personalities WHERE id = :id")
                .bind("id", personalityId).map((rs, ctx) -> rs.getBytes(1)).findOne()).filter(Objects::nonNull);
    }

    @Override
    public void setAvatar(UUID personalityId, byte[] png) {
        // updated_at moves with the avatar: it is part of the cache-busting avatar URL
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE personalities SET avatar_data = :avatar, updated_at = :now WHERE id = :id")
                .bindByType("avatar", png, byte[].class).bind("now", now(clock)).bind("id", personalityId).execute());
        requireRow(rows, personalityId);
    }

    private static void requireRow(int rows, UUID personalityId) {
        if (rows == 0) {
            throw new IllegalArgumentException("no personality " + personalityId);
        }
    }

    private static void linkPreset(Handle h, UUID personalityId, UUID presetId, Instant now) {
        h.createUpdate("MERGE INTO personality_default_configs t USING (SELECT 1 AS one) s ON (t.personality_id = :personality)"
                        + " WHEN MATCHED THEN UPDATE SET llm_config_id = :preset, updated_at = :now"
                        + " WHEN NOT MATCHED THEN INSERT (personality_id, llm_config_id, created_at, updated_at)"
                        + " VALUES (:personality, :preset, :now, :now)")
                .bind("personality", personalityId).bind("preset", presetId).bind("now", now).execute();
    }

    private static String normaliseAlias(String alias) {
        String a = alias == null ? "" : alias.trim().toLowerCase(Locale.ROOT);
        if (a.isEmpty() || a.length() > 100) {
            throw new IllegalArgumentException("alias must be 1-100 characters");
        }
        return a;
    }

    private static Optional<Personality> find(Handle h, UUID id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM personalities p WHERE p.id = :id").bind("id", id).map(MAPPER).findOne();
    }

    @Override
    public void setSystemPrompt(UUID personalityId, UUID systemPromptId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE personalities SET system_prompt_id = CAST(:prompt AS UUID), updated_at = :now "
                        + "WHERE id = :id")
                .bind("prompt", systemPromptId == null ? null : systemPromptId.toString())
                .bind("now", clock.instant())
                .bind("id", personalityId)
                .execute());
    }
}
