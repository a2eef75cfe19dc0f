package io.tzurot.storage.swipe;

import static io.tzurot.storage.db.Sql.instant;

import io.tzurot.core.swipe.Swipe;
import io.tzurot.core.swipe.SwipeRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link SwipeRepository} on JDBI (table {@code reply_swipes}, migration V170). */
public final class JdbiSwipeRepository implements SwipeRepository {

    private static final RowMapper<Swipe> MAPPER = (rs, ctx) -> new Swipe(rs.getInt("idx"), rs.getString("content"),
            Optional.ofNullable(rs.getString("footer")), rs.getBoolean("chosen"), instant(rs, "created_at"));

    private final Jdbi jdbi;

    public JdbiSwipeRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public List<Swipe> list(UUID replyId) {
        Objects.requireNonNull(replyId, "replyId");
        return jdbi.withHandle(h -> h.createQuery("SELECT idx, content, footer, chosen, created_at FROM reply_swipes"
                        + " WHERE reply_id = :reply ORDER BY idx")
                .bind("reply", replyId).map(MAPPER).list());
    }

    @Override
    public void add(UUID replyId, Swipe swipe) {
        Objects.requireNonNull(replyId, "replyId");
        Objects.requireNonNull(swipe, "swipe");
        jdbi.useTransaction(h -> {
            if (swipe.chosen()) {
                h.createUpdate("UPDATE reply_swipes SET chosen = FALSE WHERE reply_id = :reply").bind("reply", replyId)
                        .execute();
            }
            h.createUpdate("INSERT INTO reply_swipes (reply_id, idx, content, footer, chosen, created_at)"
                            + " VALUES (:reply, :idx, :content, :footer, :chosen, :created)")
                    .bind("reply", replyId).bind("idx", swipe.index()).bind("content", swipe.content())
                    .bind("footer", swipe.footer().orElse(null)).bind("chosen", swipe.chosen())
                    .bind("created", swipe.createdAt().truncatedTo(ChronoUnit.MILLIS)).execute();
        });
    }

    @Override
    public boolean choose(UUID replyId, int index) {
        Objects.requireNonNull(replyId, "replyId");
        return jdbi.inTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM reply_swipes WHERE reply_id = :reply AND idx = :idx")
                    .bind("reply", replyId).bind("idx", index).mapTo(Integer.class).one() == 1;
            if (exists) {
                h.createUpdate("UPDATE reply_swipes SET chosen = (idx = :idx) WHERE reply_id = :reply")
                        .bind("reply", replyId).bind("idx", index).execute();
            }
            return exists;
        });
    }

    @Override
    public int deleteOf(UUID replyId) {
        Objects.requireNonNull(replyId, "replyId");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reply_swipes WHERE reply_id = :reply")
                .bind("reply", replyId).execute());
    }

    @Override
    public int deleteOrphansOlderThan(Instant before) {
        Objects.requireNonNull(before, "before");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM reply_swipes WHERE NOT EXISTS (SELECT 1 FROM"
                        + " conversation_history c WHERE c.id = reply_swipes.reply_id) AND NOT EXISTS (SELECT 1 FROM"
                        + " reply_swipes s WHERE s.reply_id = reply_swipes.reply_id AND s.created_at >= :before)")
                .bind("before", before.truncatedTo(ChronoUnit.MILLIS)).execute());
    }
}
