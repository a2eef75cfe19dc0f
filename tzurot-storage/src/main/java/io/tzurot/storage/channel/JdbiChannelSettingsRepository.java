package io.tzurot.storage.channel;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.SpeakerStrategy;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.settings.ConfigOverridesJson;
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

/**
 * {@link ChannelSettingsRepository} on JDBI: one {@code channel_settings} row per channel (speaker strategy, settings
 * tier as config-overrides JSON, edit-streaming) and its activated characters as {@code channel_activations} rows.
 */
public final class JdbiChannelSettingsRepository implements ChannelSettingsRepository {

    /** A row without its activations; {@link #withActivations} adds them. */
    private static final RowMapper<ChannelSettings> MAPPER = (rs, ctx) -> new ChannelSettings(uuid(rs, "id"),
            rs.getString("channel_id"), rs.getString("guild_id"), List.of(), rs.getBoolean("auto_respond"),
            uuid(rs, "created_by"), SpeakerStrategy.fromKey(rs.getString("speaker_strategy")).orElse(SpeakerStrategy.NATURAL),
            ConfigOverridesJson.read(rs.getString("config_overrides"), "channel_settings " + rs.getString("channel_id")),
            instant(rs, "created_at"), instant(rs, "updated_at"), rs.getBoolean("stream_edits"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiChannelSettingsRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ChannelSettings> find(String channelId) {
        return jdbi.withHandle(h -> find(h, channelId));
    }

    @Override
    public Optional<java.util.Set<String>> channelsWithSettings() {
        return Sql.fewIds(jdbi, "SELECT channel_id FROM channel_settings");
    }

    @Override
    public Activation activate(String channelId, String guildId, UUID personalityId, UUID activatedBy, int limit) {
        checkSnowflake("channelId", channelId);
        Objects.requireNonNull(personalityId, "personalityId");
        return jdbi.inTransaction(h -> {
            ensureRow(h, channelId, guildId, activatedBy);
            // the row lock makes the count and the insert one step against a concurrent activation
            h.createQuery("SELECT id FROM channel_settings WHERE channel_id = :channel FOR UPDATE")
                    .bind("channel", channelId).map((rs, ctx) -> uuid(rs, "id")).one();
            List<UUID> active = activations(h, channelId);
            ChannelSettingsRepository.Added added;
            if (active.contains(personalityId)) {
                added = ChannelSettingsRepository.Added.ALREADY_ACTIVE;
            } else if (active.size() >= limit) {
                added = ChannelSettingsRepository.Added.FULL;
            } else {
                // strictly after the newest activation, so the scene's order survives a coarse or stopped clock
                Instant at = now(clock);
                Instant newest = h.createQuery("SELECT MAX(activated_at) AS newest FROM channel_activations WHERE channel_id = :channel")
                        .bind("channel", channelId).map((rs, ctx) -> Optional.ofNullable(instant(rs, "newest"))).one()
                        .orElse(null);
                if (newest != null && !at.isAfter(newest)) {
                    at = newest.plusMillis(1);
                }
                h.createUpdate("INSERT INTO channel_activations (channel_id, personality_id, activated_by, activated_at)"
                                + " VALUES (:channel, :personality, :by, :at)")
                        .bind("channel", channelId).bind("personality", personalityId)
                        .bind("by", Sql.nullableUuid(activatedBy)).bind("at", at).execute();
                h.createUpdate("UPDATE channel_settings SET guild_id = COALESCE(:guild, guild_id), updated_at = :now"
                                + " WHERE channel_id = :channel")
                        .bind("guild", guildOrNull(guildId)).bind("now", now(clock)).bind("channel", channelId).execute();
                added = ChannelSettingsRepository.Added.ADDED;
            }
            return new Activation(added, find(h, channelId).orElseThrow());
        });
    }

    @Override
    public boolean deactivate(String channelId, UUID personalityId) {
        return jdbi.inTransaction(h -> touched(h, channelId, h.createUpdate("DELETE FROM channel_activations"
                        + " WHERE channel_id = :channel AND personality_id = :personality")
                .bind("channel", channelId).bind("personality", personalityId).execute())) > 0;
    }

    @Override
    public int deactivateAll(String channelId) {
        return jdbi.inTransaction(h -> touched(h, channelId, h.createUpdate(
                "DELETE FROM channel_activations WHERE channel_id = :channel").bind("channel", channelId).execute()));
    }

    @Override
    public ChannelSettings setSpeakerStrategy(String channelId, String guildId, SpeakerStrategy strategy) {
        checkSnowflake("channelId", channelId);
        Objects.requireNonNull(strategy, "strategy");
        return jdbi.inTransaction(h -> {
            ensureRow(h, channelId, guildId, null);
            h.createUpdate("UPDATE channel_settings SET speaker_strategy = :strategy, updated_at = :now WHERE channel_id = :channel")
                    .bind("strategy", strategy.key()).bind("now", now(clock)).bind("channel", channelId).execute();
            return find(h, channelId).orElseThrow();
        });
    }

    @Override
    public ChannelSettings setStreamEdits(String channelId, String guildId, boolean streamEdits) {
        checkSnowflake("channelId", channelId);
        return jdbi.inTransaction(h -> {
            ensureRow(h, channelId, guildId, null);
            h.createUpdate("UPDATE channel_settings SET stream_edits = :on, updated_at = :now WHERE channel_id = :channel")
                    .bind("on", streamEdits).bind("now", now(clock)).bind("channel", channelId).execute();
            return find(h, channelId).orElseThrow();
        });
    }

    private int touched(Handle h, String channelId, int removed) {
        if (removed > 0) {
            h.createUpdate("UPDATE channel_settings SET updated_at = :now WHERE channel_id = :channel")
                    .bind("now", now(clock)).bind("channel", channelId).execute();
        }
        return removed;
    }

    private void ensureRow(Handle h, String channelId, String guildId, UUID by) {
        h.createUpdate("MERGE INTO channel_settings t USING (SELECT 1 AS one) s ON (t.channel_id = :channel)"
                        + " WHEN NOT MATCHED THEN INSERT (id, channel_id, guild_id, created_by, created_at, updated_at)"
                        + " VALUES (:id, :channel, :guild, :by, :now, :now)")
                .bind("id", DeterministicIds.channelSettings(channelId)).bind("channel", channelId)
                .bind("guild", guildOrNull(guildId)).bind("by", Sql.nullableUuid(by)).bind("now", now(clock)).execute();
    }

    @Override
    public ChannelSettings setAutoRespond(String channelId, String guildId, boolean autoRespond) {
        checkSnowflake("channelId", channelId);
        return jdbi.inTransaction(h -> {
            h.createUpdate("MERGE INTO channel_settings t USING (SELECT 1 AS one) s ON (t.channel_id = :channel)"
                            + " WHEN MATCHED THEN UPDATE SET auto_respond = :auto, updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, channel_id, guild_id, auto_respond, created_at, updated_at)"
                            + " VALUES (:id, :channel, :guild, :auto, :now, :now)")
                    .bind("id", DeterministicIds.channelSettings(channelId)).bind("channel", channelId)
                    .bind("guild", guildOrNull(guildId)).bind("auto", autoRespond).bind("now", now(clock)).execute();
            return find(h, channelId).orElseThrow();
        });
    }

    @Override
    public ChannelSettings setConfigOverrides(String channelId, String guildId, ConfigOverrides overrides,
                                              UUID changedBy) {
        checkSnowflake("channelId", channelId);
        Objects.requireNonNull(overrides, "overrides");
        return jdbi.inTransaction(h -> {
            // an existing row keeps its server when none is given (the web API does not know it)
            h.createUpdate("MERGE INTO channel_settings t USING (SELECT 1 AS one) s ON (t.channel_id = :channel)"
                            + " WHEN MATCHED THEN UPDATE SET config_overrides = :json, guild_id = COALESCE(:guild, t.guild_id),"
                            + " updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, channel_id, guild_id, config_overrides, created_by,"
                            + " created_at, updated_at) VALUES (:id, :channel, :guild, :json, :by, :now, :now)")
                    .bind("id", DeterministicIds.channelSettings(channelId)).bind("channel", channelId)
                    .bind("guild", guildOrNull(guildId))
                    .bindByType("json", ConfigOverridesJson.write(overrides), JsonText.class)
                    .bind("by", Sql.nullableUuid(changedBy)).bind("now", now(clock)).execute();
            return find(h, channelId).orElseThrow();
        });
    }

    @Override
    public List<ChannelSettings> listActivatedInGuild(String guildId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM channel_settings s WHERE guild_id = :guild"
                        + " AND EXISTS (SELECT 1 FROM channel_activations a WHERE a.channel_id = s.channel_id)"
                        + " ORDER BY channel_id")
                .bind("guild", guildId).map(MAPPER).list().stream().map(row -> withActivations(h, row)).toList());
    }

    private static Optional<ChannelSettings> find(Handle h, String channelId) {
        return h.createQuery("SELECT * FROM channel_settings WHERE channel_id = :channel").bind("channel", channelId)
                .map(MAPPER).findOne().map(row -> withActivations(h, row));
    }

    private static ChannelSettings withActivations(Handle h, ChannelSettings row) {
        return new ChannelSettings(row.id(), row.channelId(), row.guildId(), activations(h, row.channelId()),
                row.autoRespond(), row.createdBy(), row.speakerStrategy(), row.configOverrides(), row.createdAt(),
                row.updatedAt(), row.streamEdits());
    }

    private static List<UUID> activations(Handle h, String channelId) {
        return h.createQuery("SELECT personality_id FROM channel_activations WHERE channel_id = :channel"
                        + " ORDER BY activated_at, personality_id")
                .bind("channel", channelId).map((rs, ctx) -> uuid(rs, "personality_id")).list();
    }

    private static String guildOrNull(String guildId) {
        if (guildId == null || guildId.isBlank()) {
            return null;
        }
        checkSnowflake("guildId", guildId);
        return guildId;
    }

    private static void checkSnowflake(String field, String value) {
        if (value == null || !value.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException(field + " must be a Discord snowflake (1-20 digits)");
        }
    }
}
