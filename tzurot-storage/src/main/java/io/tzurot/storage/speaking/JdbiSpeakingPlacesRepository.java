package io.tzurot.storage.speaking;

import static io.tzurot.storage.db.Sql.now;

import io.tzurot.core.speaking.SpeakingMode;
import io.tzurot.core.speaking.SpeakingPlacesRepository;
import io.tzurot.core.speaking.SpeakingPolicy;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link SpeakingPlacesRepository} on JDBI: a mode row per server that chose, its listed channels, ghost channels. */
public final class JdbiSpeakingPlacesRepository implements SpeakingPlacesRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSpeakingPlacesRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SpeakingPolicy policy(String guildId) {
        return jdbi.withHandle(h -> policy(h, guildId));
    }

    @Override
    public SpeakingPolicy setMode(String guildId, SpeakingMode mode, String changedBy) {
        checkSnowflake("guildId", guildId);
        Objects.requireNonNull(mode, "mode");
        return jdbi.inTransaction(h -> {
            writeMode(h, guildId, mode, changedBy);
            return policy(h, guildId);
        });
    }

    @Override
    public SpeakingPolicy replace(String guildId, SpeakingMode mode, Set<String> channels, String changedBy) {
        checkSnowflake("guildId", guildId);
        Objects.requireNonNull(mode, "mode");
        channels.forEach(c -> checkSnowflake("channelId", c));
        return jdbi.inTransaction(h -> {
            writeMode(h, guildId, mode, changedBy);
            h.createUpdate("DELETE FROM guild_speaking_channels WHERE guild_id = :guild").bind("guild", guildId).execute();
            for (String channel : channels) {
                insertChannel(h, guildId, channel);
            }
            return policy(h, guildId);
        });
    }

    @Override
    public boolean addChannel(String guildId, String channelId) {
        checkSnowflake("guildId", guildId);
        checkSnowflake("channelId", channelId);
        return jdbi.inTransaction(h -> {
            boolean listed = h.createQuery("SELECT COUNT(*) FROM guild_speaking_channels WHERE guild_id = :guild"
                    + " AND channel_id = :channel").bind("guild", guildId).bind("channel", channelId)
                    .mapTo(Long.class).one() > 0;
            if (listed) {
                return false;
            }
            insertChannel(h, guildId, channelId);
            return true;
        });
    }

    @Override
    public boolean removeChannel(String guildId, String channelId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM guild_speaking_channels WHERE guild_id = :guild"
                + " AND channel_id = :channel").bind("guild", guildId).bind("channel", channelId).execute()) > 0;
    }

    @Override
    public boolean isGhost(String channelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM ghost_channels WHERE channel_id = :channel")
                .bind("channel", channelId).mapTo(Long.class).one()) > 0;
    }

    @Override
    public boolean setGhost(String guildId, String channelId, boolean ghost, String changedBy) {
        checkSnowflake("guildId", guildId);
        checkSnowflake("channelId", channelId);
        return jdbi.inTransaction(h -> {
            if (!ghost) {
                return h.createUpdate("DELETE FROM ghost_channels WHERE channel_id = :channel")
                        .bind("channel", channelId).execute() > 0;
            }
            boolean already = h.createQuery("SELECT COUNT(*) FROM ghost_channels WHERE channel_id = :channel")
                    .bind("channel", channelId).mapTo(Long.class).one() > 0;
            if (already) {
                return false;
            }
            h.createUpdate("INSERT INTO ghost_channels (channel_id, guild_id, enabled_by, created_at)"
                            + " VALUES (:channel, :guild, :by, :now)").bind("channel", channelId).bind("guild", guildId)
                    .bind("by", changedBy).bind("now", now(clock)).execute();
            return true;
        });
    }

    @Override
    public List<String> ghostChannels(String guildId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT channel_id FROM ghost_channels WHERE guild_id = :guild"
                + " ORDER BY channel_id").bind("guild", guildId).mapTo(String.class).list());
    }

    private void writeMode(Handle h, String guildId, SpeakingMode mode, String changedBy) {
        h.createUpdate("MERGE INTO guild_speaking_modes t USING (SELECT 1 AS one) s ON (t.guild_id = :guild)"
                        + " WHEN MATCHED THEN UPDATE SET mode = :mode, changed_by = :by, updated_at = :now"
                        + " WHEN NOT MATCHED THEN INSERT (guild_id, mode, changed_by, updated_at)"
                        + " VALUES (:guild, :mode, :by, :now)")
                .bind("guild", guildId).bind("mode", mode.name()).bind("by", changedBy).bind("now", now(clock))
                .execute();
    }

    private void insertChannel(Handle h, String guildId, String channelId) {
        h.createUpdate("INSERT INTO guild_speaking_channels (guild_id, channel_id, created_at)"
                        + " VALUES (:guild, :channel, :now)").bind("guild", guildId).bind("channel", channelId)
                .bind("now", now(clock)).execute();
    }

    private static SpeakingPolicy policy(Handle h, String guildId) {
        SpeakingMode mode = h.createQuery("SELECT mode FROM guild_speaking_modes WHERE guild_id = :guild")
                .bind("guild", guildId).mapTo(String.class).findOne().map(SpeakingMode::valueOf).orElse(SpeakingMode.ALL);
        Set<String> channels = new HashSet<>(h.createQuery("SELECT channel_id FROM guild_speaking_channels"
                + " WHERE guild_id = :guild").bind("guild", guildId).mapTo(String.class).list());
        return new SpeakingPolicy(guildId, mode, channels);
    }

    private static void checkSnowflake(String field, String value) {
        if (value == null || !value.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException(field + " must be a Discord snowflake (1-20 digits)");
        }
    }
}
