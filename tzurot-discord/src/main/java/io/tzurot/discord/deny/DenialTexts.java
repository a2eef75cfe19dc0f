package io.tzurot.discord.deny;

import io.tzurot.core.moderation.DenialTarget;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistType;
import java.util.List;

/** How denials read in Discord: mentions for users and channels, Discord timestamps for expiry. */
final class DenialTexts {

    private DenialTexts() {
    }

    static String target(DenylistEntry e) {
        return target(e.type(), e.discordId());
    }

    static String target(DenialTarget t) {
        return target(t.type(), t.id());
    }

    private static String target(DenylistType type, String id) {
        return switch (type) {
            case USER -> "<@" + id + ">";
            case CHANNEL -> "<#" + id + ">";
            case GUILD -> "server `" + id + "`";
        };
    }

    static String where(DenylistEntry e) {
        return switch (e.scope()) {
            case BOT -> "everywhere";
            case GUILD -> "in server `" + e.scopeId() + "`";
            case CHANNEL -> "in <#" + e.scopeId() + ">";
            case PERSONALITY -> "with character `" + e.scopeId() + "`";
        };
    }

    static String until(DenylistEntry e) {
        return e.expiresAt() == null ? "permanently" : "until <t:" + e.expiresAt().getEpochSecond() + ":f>";
    }

    static String line(DenylistEntry e) {
        return (e.mode() == DenylistMode.BLOCK ? "🚫 block" : "🔇 mute") + " · " + target(e) + " " + where(e) + " · "
                + until(e) + (e.reason() == null ? "" : " · " + (e.reason().length() > 60 ? e.reason().substring(0, 59) + "…"
                : e.reason()));
    }

    /** A heading and up to {@code max} lines, with how many more there are. */
    static String list(String heading, List<DenylistEntry> entries, int max) {
        StringBuilder text = new StringBuilder(heading).append('\n');
        entries.stream().limit(max).forEach(e -> text.append("• ").append(line(e)).append('\n'));
        if (entries.size() > max) {
            text.append("…and ").append(entries.size() - max).append(" more (narrow with `type`).");
        }
        return text.toString().strip();
    }
}
