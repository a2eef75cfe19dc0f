package io.tzurot.storage.channel;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.settings.ConfigOverridesJson;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * {@link ChannelSettingsRepository} on JDBI; one row per channel, so at most one activated personality, and the
 * channel's settings tier as config-overrides JSON.
 */
public final class JdbiChannelSettingsRepository implements ChannelSettingsRepository {

    private static final RowMapper<ChannelSettings> MAPPER = (rs, ctx) -> new ChannelSettings(uuid(rs, "id"),
            rs.getString("channel_id"), rs.getString("guild_id"), uuid(rs, "activated_personality_id"),
            rs.getBoolean("auto_respond"), uuid(rs, "created_by"),
            ConfigOverridesJson.read(rs.getString("config_overrides"), "channel_settings " + rs.getString("channel_id")),
            instant(rs, "created_at"), instant(rs, "updated_at"));

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
    public ChannelSettings activate(String channelId, String guildId, UUID personalityId, UUID activatedBy) {
        checkSnowflake("channelId", channelId);
        Objects.requireNonNull(personalityId, "personalityId");
        return jdbi.inTransaction(h -> {
            h.createUpdate("MERGE INTO channel_settings t USING (SELECT 1 AS one) s ON (t.channel_id = :channel)"
                            + " WHEN MATCHED THEN UPDATE SET activated_personality_id = :personality, guild_id = :guild,"
                            + " updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, channel_id, guild_id, activated_personality_id, created_by,"
                            + " created_at, updated_at) VALUES (:id, :channel, :guild, :personality, :by, :now, :now)")
                    .bind("id", DeterministicIds.channelSettings(channelId)).bind("channel", channelId)
                    .bind("guild", guildOrNull(guildId)).bind("personality", personalityId)
                    .bind("by", Sql.nullableUuid(activatedBy)).bind("now", now(clock)).execute();
            return find(h, channelId).orElseThrow();
        });
    }

    @Override
    public boolean deactivate(String channelId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE channel_settings SET activated_personality_id = NULL, updated_at = :now"
                        + " WHERE channel_id = :channel AND activated_personality_id IS NOT NULL")
                .bind("now", now(clock)).bind("channel", channelId).execute()) > 0;
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
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM channel_settings WHERE guild_id = :guild"
                        + " AND activated_personality_id IS NOT NULL ORDER BY channel_id")
                .bind("guild", guildId).map(MAPPER).list());
    }

    private static Optional<ChannelSettings> find(Handle h, String channelId) {
        return h.createQuery("SELECT * FROM channel_settings WHERE channel_id = :channel").bind("channel", channelId)
                .map(MAPPER).findOne();
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
