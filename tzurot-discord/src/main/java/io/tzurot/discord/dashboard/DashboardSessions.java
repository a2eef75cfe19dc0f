package io.tzurot.discord.dashboard;

import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open dashboards, in the ephemeral key store (Redis when shared), so any {@code discord} process can continue
 * one: a session lives 15 minutes after its last use. A store failure counts as "no session" (fail open: the
 * edit flows then re-create it, the button flows ask to run the command again).
 */
public final class DashboardSessions {

    /** How long an untouched dashboard stays usable. */
    public static final Duration TTL = Duration.ofMinutes(15);

    private static final Logger LOG = LoggerFactory.getLogger(DashboardSessions.class);

    /** One open dashboard; {@code back} is the browse list it was opened from, "" for none. */
    public record Session(String entityType, String entityId, String userId, String back, long createdAt,
                          long lastActivityAt) {

        public Session {
            Objects.requireNonNull(entityType, "entityType");
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(userId, "userId");
            back = back == null ? "" : back;
        }

        public boolean fromBrowse() {
            return !back.isEmpty();
        }
    }

    private final EphemeralKeyStore keys;
    private final Clock clock;

    public DashboardSessions(EphemeralKeyStore keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Opens (or replaces) the user's session on an entity. */
    public Session open(String entityType, String entityId, String userId, String back) {
        long now = clock.millis();
        Session session = new Session(entityType, entityId, userId, back, now, now);
        save(session);
        return session;
    }

    /** The user's session on the entity, its time to live renewed; empty when expired or unreadable. */
    public Optional<Session> touch(String entityType, String entityId, String userId) {
        try {
            Optional<Session> found = keys.get(key(entityType, entityId, userId)).map(DashboardSessions::decode);
            found.ifPresent(s -> save(new Session(s.entityType(), s.entityId(), s.userId(), s.back(), s.createdAt(),
                    clock.millis())));
            return found;
        } catch (RuntimeException e) {
            LOG.warn("dashboard session unreadable, treated as expired: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void close(String entityType, String entityId, String userId) {
        try {
            keys.delete(key(entityType, entityId, userId));
        } catch (RuntimeException e) {
            LOG.warn("dashboard session not removed (it expires on its own): {}", e.getMessage());
        }
    }

    private void save(Session s) {
        try {
            keys.set(key(s.entityType(), s.entityId(), s.userId()), DataObject.empty().put("entityType", s.entityType())
                    .put("entityId", s.entityId()).put("userId", s.userId()).put("back", s.back())
                    .put("createdAt", s.createdAt()).put("lastActivityAt", s.lastActivityAt()).toString(), TTL);
        } catch (RuntimeException e) {
            LOG.warn("dashboard session not saved: {}", e.getMessage());
        }
    }

    private static Session decode(String json) {
        DataObject o = DataObject.fromJson(json);
        return new Session(o.getString("entityType"), o.getString("entityId"), o.getString("userId"),
                o.getString("back", ""), o.getLong("createdAt"), o.getLong("lastActivityAt"));
    }

    private static String key(String entityType, String entityId, String userId) {
        return "discord:dashboard:" + entityType + ":" + entityId + ":" + userId;
    }
}
