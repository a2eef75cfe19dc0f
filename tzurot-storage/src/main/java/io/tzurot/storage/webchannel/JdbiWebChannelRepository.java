package io.tzurot.storage.webchannel;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.webchannel.WebChannel;
import io.tzurot.core.webchannel.WebChannelRepository;
import io.tzurot.storage.db.Sql;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link WebChannelRepository} on JDBI: one {@code web_channels} row per channel. */
public final class JdbiWebChannelRepository implements WebChannelRepository {

    private static final RowMapper<WebChannel> MAPPER = (rs, ctx) -> new WebChannel(rs.getString("id"),
            uuid(rs, "owner_id"), rs.getObject("default_of") != null, instant(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiWebChannelRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<WebChannel> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM web_channels WHERE id = :id")
                .bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Optional<WebChannel> findDefault(UUID ownerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM web_channels WHERE default_of = :owner")
                .bind("owner", ownerId).map(MAPPER).findOne());
    }

    @Override
    public List<WebChannel> listByOwner(UUID ownerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM web_channels WHERE owner_id = :owner ORDER BY created_at, id")
                .bind("owner", ownerId).map(MAPPER).list());
    }

    @Override
    public int countByOwner(UUID ownerId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM web_channels WHERE owner_id = :owner")
                .bind("owner", ownerId).mapTo(Integer.class).one());
    }

    @Override
    public boolean insert(WebChannel channel) {
        try {
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO web_channels (id, owner_id, default_of, created_at)"
                            + " VALUES (:id, :owner, :default, :created)")
                    .bind("id", channel.id()).bind("owner", channel.ownerId())
                    .bind("default", Sql.nullableUuid(channel.isDefault() ? channel.ownerId() : null))
                    .bind("created", channel.createdAt().truncatedTo(ChronoUnit.MILLIS)).execute()) == 1;
        } catch (RuntimeException e) {
            // the id is taken, or the owner's default was stored by a competing request
            if (Sql.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean hasHistory(String channelId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT 1 FROM conversation_history WHERE channel_id = :channel")
                .bind("channel", channelId).setMaxRows(1).mapTo(Integer.class).findFirst().isPresent());
    }
}
