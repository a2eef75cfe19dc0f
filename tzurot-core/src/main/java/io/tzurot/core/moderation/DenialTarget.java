package io.tzurot.core.moderation;

import io.tzurot.core.failure.DomainException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a denial names: a user, a server or a channel, by its Discord id.
 *
 * @param guildId for a channel, the server it belongs to when known (a server manager may deny only their own
 *                server's channels)
 */
public record DenialTarget(DenylistType type, String id, Optional<String> guildId) {

    private static final Pattern USER_MENTION = Pattern.compile("<@!?([0-9]{1,20})>");
    private static final Pattern CHANNEL_MENTION = Pattern.compile("<#([0-9]{1,20})>");
    private static final Pattern SNOWFLAKE = Pattern.compile("[0-9]{1,20}");
    static final String EXPECTED = "Give a user, server or channel: its id, or a mention such as <@user> or <#channel>.";

    public DenialTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(guildId, "guildId");
        if (id == null || !SNOWFLAKE.matcher(id).matches()) {
            throw DomainException.invalid("target", EXPECTED);
        }
    }

    /**
     * Reads a target as typed: a user mention, a channel mention, or a bare id that {@code places} recognises as a
     * server or a channel (any other bare id names a user).
     */
    public static DenialTarget parse(String text, DiscordPlaces places) {
        String t = text == null ? "" : text.strip();
        Matcher m = USER_MENTION.matcher(t);
        if (m.matches()) {
            return new DenialTarget(DenylistType.USER, m.group(1), Optional.empty());
        }
        m = CHANNEL_MENTION.matcher(t);
        if (m.matches()) {
            return new DenialTarget(DenylistType.CHANNEL, m.group(1), places.guildOfChannel(m.group(1)));
        }
        if (!SNOWFLAKE.matcher(t).matches()) {
            throw DomainException.invalid("target", EXPECTED);
        }
        if (places.isGuild(t)) {
            return new DenialTarget(DenylistType.GUILD, t, Optional.empty());
        }
        Optional<String> guild = places.guildOfChannel(t);
        return new DenialTarget(guild.isPresent() ? DenylistType.CHANNEL : DenylistType.USER, t, guild);
    }

    /** A target of an explicitly named type ({@code user}, {@code guild} or {@code channel}), as the API gives it. */
    public static DenialTarget of(String type, String id) {
        return new DenialTarget(type(type, "type"), id == null ? "" : id.strip(), Optional.empty());
    }

    /** The type named by {@code text} (user, guild or channel), or an invalid-{@code field} error. */
    public static DenylistType type(String text, String field) {
        try {
            return DenylistType.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "Unknown type '" + text + "': use user, guild or channel.");
        }
    }
}
