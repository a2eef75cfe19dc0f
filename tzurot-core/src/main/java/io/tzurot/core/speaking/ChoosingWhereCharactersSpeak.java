package io.tzurot.core.speaking;

import io.tzurot.core.failure.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses where characters may speak in a server (issue 15 item 4): in every channel, only in listed channels
 * (allowlist) or everywhere but the listed ones (denylist), and which channels are in ghost mode (the bot records
 * what is said to characters there but never posts). The rule of who may change it lives here:
 * <ul>
 *   <li>the bot owner, anywhere (on the web too);</li>
 *   <li>a server manager (Manage Messages in the channel used, or the server's owner), for their own server only;</li>
 *   <li>nobody else, and nobody outside a server except the bot owner.</li>
 * </ul>
 * Reading where characters speak (every message asks) needs no caller: {@link #where}.
 */
public final class ChoosingWhereCharactersSpeak {

    /** The most channels one server may list. */
    public static final int MAX_LISTED = 200;

    /** What the bot does with a message in a channel. */
    public enum Verdict {
        /** Characters answer as usual. */
        SPEAK,
        /** Characters do not answer and nothing is recorded. */
        SILENT,
        /** Characters do not answer; what was said to them is recorded in history. */
        GHOST
    }

    /** The outcome of listing or unlisting a channel: the policy now, and whether anything changed. */
    public record Change(SpeakingPolicy policy, boolean changed) {
    }

    private final SpeakingPlacesRepository places;

    public ChoosingWhereCharactersSpeak(SpeakingPlacesRepository places) {
        this.places = Objects.requireNonNull(places, "places");
    }

    /**
     * What happens to a message in {@code channelId} (a thread: {@code parentId}, else null) of {@code guildId}
     * (null in a DM, where characters always speak). Ghost mode comes first: it was chosen for that very channel.
     */
    public Verdict where(String guildId, String channelId, String parentId) {
        if (guildId == null) {
            return Verdict.SPEAK;
        }
        if (places.isGhost(channelId) || parentId != null && places.isGhost(parentId)) {
            return Verdict.GHOST;
        }
        return places.policy(guildId).allows(channelId, parentId) ? Verdict.SPEAK : Verdict.SILENT;
    }

    /** The server's policy. */
    public SpeakingPolicy view(SpeakingCaller caller, String guildId) {
        requireAllowed(caller, guildId);
        return places.policy(guildId);
    }

    /** Sets the server's mode ({@code all}, {@code allowlist} or {@code denylist}); the list is kept. */
    public SpeakingPolicy setMode(SpeakingCaller caller, String guildId, String mode) {
        requireAllowed(caller, guildId);
        return places.setMode(guildId, mode(mode), caller.actor().discordId());
    }

    /** Lists a channel of the server. */
    public Change add(SpeakingCaller caller, String guildId, String channelId) {
        requireAllowed(caller, guildId);
        String channel = snowflake("channel", channelId);
        SpeakingPolicy before = places.policy(guildId);
        if (before.channels().contains(channel)) {
            return new Change(before, false);
        }
        if (before.channels().size() >= MAX_LISTED) {
            throw DomainException.invalid("channel", "A server may list at most " + MAX_LISTED
                    + " channels; remove one first.");
        }
        boolean added = places.addChannel(guildId, channel);
        return new Change(places.policy(guildId), added);
    }

    /** Unlists a channel of the server; not found when it was not listed. */
    public SpeakingPolicy remove(SpeakingCaller caller, String guildId, String channelId) {
        requireAllowed(caller, guildId);
        String channel = snowflake("channel", channelId);
        if (!places.removeChannel(guildId, channel)) {
            throw DomainException.notFound("Listed channel " + channel);
        }
        return places.policy(guildId);
    }

    /** Replaces the mode and the whole list at once (the web's PUT); nothing is written when any part is invalid. */
    public SpeakingPolicy replace(SpeakingCaller caller, String guildId, String mode, List<String> channels) {
        requireAllowed(caller, guildId);
        SpeakingMode parsed = mode(mode);
        if (channels == null) {
            throw DomainException.invalid("channels", "Give the listed channels as a list of channel ids ([] for none).");
        }
        Set<String> checked = new LinkedHashSet<>();
        for (String channel : channels) {
            checked.add(snowflake("channels", channel));
        }
        if (checked.size() > MAX_LISTED) {
            throw DomainException.invalid("channels", "A server may list at most " + MAX_LISTED + " channels.");
        }
        return places.replace(guildId, parsed, checked, caller.actor().discordId());
    }

    /** Whether a channel of the server is in ghost mode. */
    public boolean ghost(SpeakingCaller caller, String guildId, String channelId) {
        requireAllowed(caller, guildId);
        return places.isGhost(snowflake("channel", channelId));
    }

    /** Turns ghost mode on or off in a channel of the server; false when it already was so. */
    public boolean setGhost(SpeakingCaller caller, String guildId, String channelId, boolean ghost) {
        requireAllowed(caller, guildId);
        return places.setGhost(guildId, snowflake("channel", channelId), ghost, caller.actor().discordId());
    }

    /** The server's ghost channels. */
    public List<String> ghostChannels(SpeakingCaller caller, String guildId) {
        requireAllowed(caller, guildId);
        return places.ghostChannels(guildId);
    }

    /** The mode named by {@code text}. */
    public static SpeakingMode mode(String text) {
        String shown = text == null ? "" : text.strip();
        try {
            return SpeakingMode.valueOf(shown.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mode", "Unknown mode '" + shown + "': use all (every channel), allowlist"
                    + " (only the listed channels) or denylist (every channel but the listed ones).");
        }
    }

    private static void requireAllowed(SpeakingCaller caller, String guildId) {
        if (caller.actor().owner()) {
            snowflake("guild", guildId);
            return;
        }
        if (caller.guildId().isEmpty()) {
            throw DomainException.forbidden("Only the bot owner may choose where characters speak outside a server.");
        }
        if (!caller.guildId().get().equals(guildId)) {
            throw DomainException.forbidden("Server managers may choose where characters speak only in their own server.");
        }
        if (!caller.manager()) {
            throw DomainException.forbidden("Only members with the Manage Messages permission, the server owner or the"
                    + " bot owner may choose where characters speak.");
        }
    }

    private static String snowflake(String field, String value) {
        String v = value == null ? "" : value.strip();
        if (!v.matches("[0-9]{1,20}")) {
            String noun = field.equals("channels") ? "channel" : field;
            throw DomainException.invalid(field, "'" + v + "' is not a Discord " + noun + " id (1 to 20 digits).");
        }
        return v;
    }
}
