package io.tzurot.core.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: denylisted users, guilds and channels. "Active" means not expired at the given instant; expired entries
 * never apply, even before {@link #deleteExpired} removes them.
 */
public interface DenylistRepository {

    /** Adds the entry, or replaces mode, reason, moderator, time and expiry of the one with the same type, id and scope. */
    DenylistEntry add(DenylistEntry entry);

    /** Removes the entry for (type, discordId, scope, scopeId); false when there was none. */
    boolean remove(DenylistType type, String discordId, DenylistScope scope, String scopeId);

    Optional<DenylistEntry> find(DenylistType type, String discordId, DenylistScope scope, String scopeId);

    /** Active entries naming this user, guild or channel, in any scope. */
    List<DenylistEntry> findActive(DenylistType type, String discordId, Instant now);

    /** Every active entry, newest first (for caches and the admin list). */
    List<DenylistEntry> listActive(Instant now);

    /** Deletes entries expired at {@code now}; returns how many. */
    int deleteExpired(Instant now);
}
