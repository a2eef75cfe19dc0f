package io.tzurot.storage.delivery;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.discord.DeliveredMessage;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.storage.db.Sql;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link DeliveredMessageRepository} on JDBI (table {@code discord_delivered_messages}, migration V5). */
public final class JdbiDeliveredMessageRepository implements DeliveredMessageRepository {

    private static final RowMapper<DeliveredMessage> MAPPER = (rs, ctx) -> new DeliveredMessage(
            rs.getString("message_id"), uuid(rs, "personality_id"), rs.getString("channel_id"), instant(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiDeliveredMessageRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void record(DeliveredMessage message) {
        Objects.requireNonNull(message, "message");
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO discord_delivered_messages (message_id, personality_id, channel_id,"
                            + " created_at) SELECT :id, :personality, :channel, :created FROM (SELECT 1 AS one) x"
                            + " WHERE NOT EXISTS (SELECT 1 FROM discord_delivered_messages WHERE message_id = :id)")
                    .bind("id", message.messageId()).bind("personality", message.personalityId())
                    .bind("channel", message.channelId())
                    .bind("created", message.createdAt().truncatedTo(ChronoUnit.MILLIS)).execute());
        } catch (RuntimeException e) {
            // a concurrent record of the same message won the race; the first record stays, as documented
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<DeliveredMessage> find(String messageId) {
        if (messageId == null || !messageId.matches("[0-9]{1,20}")) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM discord_delivered_messages WHERE message_id = :id")
                .bind("id", messageId).map(MAPPER).findOne());
    }

    @Override
    public Optional<DeliveredMessage> latestInChannel(String channelId) {
        if (channelId == null || !channelId.matches("[0-9]{1,20}")) {
            return Optional.empty();
        }
        // Discord ids grow with time, so among equal timestamps the longer/larger id is the newer message
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM discord_delivered_messages WHERE channel_id = :channel"
                        + " ORDER BY created_at DESC, LENGTH(message_id) DESC, message_id DESC LIMIT 1")
                .bind("channel", channelId).map(MAPPER).findOne());
    }
}
