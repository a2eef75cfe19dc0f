package io.tzurot.core.personality;

import io.tzurot.core.user.User;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is looking at personalities, for the access rule: public OR owner OR co-owner OR bot owner.
 *
 * @param userId the viewer's user id, or null when anonymous
 * @param botOwner true for the bot owner, who sees and edits everything
 */
public record Viewer(UUID userId, boolean botOwner) {

    public static Viewer anonymous() {
        return new Viewer(null, false);
    }

    /** The viewer for a stored user; superusers are the bot owner. */
    public static Viewer of(User user) {
        return new Viewer(user.id(), user.superuser());
    }

    public Optional<UUID> user() {
        return Optional.ofNullable(userId);
    }
}
