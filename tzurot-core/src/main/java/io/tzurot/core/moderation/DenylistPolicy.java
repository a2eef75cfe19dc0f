package io.tzurot.core.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Decides whether active denylist entries stop a message, strongest mode first (BLOCK over MUTE). */
public final class DenylistPolicy {

    private DenylistPolicy() {
    }

    /**
     * The mode that applies to a message, if any.
     *
     * @param guildId null in DMs
     * @param personalityId the addressed personality's id as text, or null
     */
    public static Optional<DenylistMode> evaluate(Collection<DenylistEntry> entries, Instant now, String userId,
                                                  String guildId, String channelId, String personalityId) {
        DenylistMode result = null;
        for (DenylistEntry e : entries) {
            if (!e.isActiveAt(now) || !names(e, userId, guildId, channelId) || !inScope(e, guildId, channelId, personalityId)) {
                continue;
            }
            if (e.mode() == DenylistMode.BLOCK) {
                return Optional.of(DenylistMode.BLOCK);
            }
            result = e.mode();
        }
        return Optional.ofNullable(result);
    }

    private static boolean names(DenylistEntry e, String userId, String guildId, String channelId) {
        return switch (e.type()) {
            case USER -> e.discordId().equals(userId);
            case GUILD -> e.discordId().equals(guildId);
            case CHANNEL -> e.discordId().equals(channelId);
        };
    }

    private static boolean inScope(DenylistEntry e, String guildId, String channelId, String personalityId) {
        return switch (e.scope()) {
            case BOT -> true;
            case GUILD -> e.scopeId().equals(guildId);
            case CHANNEL -> e.scopeId().equals(channelId);
            case PERSONALITY -> e.scopeId().equals(personalityId);
        };
    }
}
