package io.tzurot.core.moderation;

import io.tzurot.core.failure.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds, removes and lists denials (spec discord.md §2.1 {@code /deny}). The rule of who may deny what lives here:
 * <ul>
 *   <li>the bot owner may deny anywhere: a user or a channel everywhere, or a whole server;</li>
 *   <li>a server manager (Manage Messages, or the server's owner), acting in their server, may deny a user in that
 *       server only, and that server's channels; they see and lift only those denials;</li>
 *   <li>nobody else may; the bot owner and the caller themselves are never denied.</li>
 * </ul>
 * A BLOCK drops the denied one's messages and keeps them out of what characters see; a MUTE only stops replies.
 */
public final class ManagingDenials {

    private final DenylistRepository denylist;
    private final Clock clock;
    private final Optional<String> botOwnerId;

    public ManagingDenials(DenylistRepository denylist, Clock clock, Optional<String> botOwnerId) {
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.botOwnerId = Objects.requireNonNull(botOwnerId, "botOwnerId");
    }

    /**
     * Denies the target with {@code mode} (block or mute) for {@code duration} (see {@link DenialDuration}); adding it
     * again replaces its mode, duration and reason.
     */
    public DenylistEntry add(DenialCaller caller, DenialTarget target, String mode, String duration, String reason) {
        DenylistMode parsedMode = mode(mode);
        DenialDuration parsedDuration = DenialDuration.parse(duration);
        if (reason != null && reason.strip().length() > 500) {
            throw DomainException.invalid("reason", "The reason may be at most 500 characters.");
        }
        if (target.type() == DenylistType.USER && target.id().equals(caller.actor().discordId())) {
            throw DomainException.invalid("target", "You cannot deny yourself.");
        }
        if (target.type() == DenylistType.USER && botOwnerId.filter(target.id()::equals).isPresent()) {
            throw DomainException.invalid("target", "The bot owner cannot be denied.");
        }
        Scope scope = scopeFor(caller, target);
        Instant now = clock.instant();
        return denylist.add(DenylistEntry.create(target.type(), target.id(), scope.scope(), scope.scopeId(), parsedMode,
                reason, caller.actor().discordId(), now, parsedDuration.expiry(now).orElse(null)));
    }

    /** Lifts every active denial of the target that the caller may manage; not found when there is none. */
    public List<DenylistEntry> remove(DenialCaller caller, DenialTarget target) {
        requireAllowed(caller);
        List<DenylistEntry> lifted = view(caller, target);
        if (lifted.isEmpty()) {
            throw DomainException.notFound("Denial of " + describe(target));
        }
        for (DenylistEntry entry : lifted) {
            denylist.remove(entry.type(), entry.discordId(), entry.scope(), entry.scopeId());
        }
        return lifted;
    }

    /** The active denials the caller may manage, newest first, optionally of one type. */
    public List<DenylistEntry> browse(DenialCaller caller, Optional<DenylistType> type) {
        requireAllowed(caller);
        return denylist.listActive(clock.instant()).stream().filter(e -> type.map(t -> e.type() == t).orElse(true))
                .filter(e -> mayManage(caller, e)).toList();
    }

    /** The active denials of one target that the caller may manage. */
    public List<DenylistEntry> view(DenialCaller caller, DenialTarget target) {
        requireAllowed(caller);
        return denylist.findActive(target.type(), target.id(), clock.instant()).stream()
                .filter(e -> mayManage(caller, e)).toList();
    }

    /** The mode named by {@code text}: block or mute. */
    public static DenylistMode mode(String text) {
        try {
            return DenylistMode.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("mode", "Unknown mode '" + (text == null ? "" : text.strip())
                    + "': use block (ignored and left out of what characters see) or mute (not answered, still seen).");
        }
    }

    private record Scope(DenylistScope scope, String scopeId) {
    }

    private static Scope scopeFor(DenialCaller caller, DenialTarget target) {
        if (caller.actor().owner()) {
            // a channel of a known server is scoped to it, so that server's managers see and may lift it
            return target.type() == DenylistType.CHANNEL && target.guildId().isPresent()
                    ? new Scope(DenylistScope.GUILD, target.guildId().get()) : new Scope(DenylistScope.BOT, null);
        }
        requireAllowed(caller);
        String guild = caller.guildId().orElseThrow();
        return switch (target.type()) {
            case USER -> new Scope(DenylistScope.GUILD, guild);
            case CHANNEL -> {
                if (!target.guildId().filter(guild::equals).isPresent()) {
                    throw DomainException.forbidden("Server managers may deny only channels of this server.");
                }
                yield new Scope(DenylistScope.GUILD, guild);
            }
            case GUILD -> throw DomainException.forbidden("Only the bot owner may deny a whole server.");
        };
    }

    private static void requireAllowed(DenialCaller caller) {
        if (!caller.actor().owner() && !caller.managesGuild()) {
            throw DomainException.forbidden(caller.guildId().isEmpty()
                    ? "Only the bot owner may manage denials outside a server."
                    : "Only members with the Manage Messages permission, the server owner or the bot owner may"
                    + " manage denials.");
        }
    }

    private static boolean mayManage(DenialCaller caller, DenylistEntry e) {
        return caller.actor().owner() || e.scope() == DenylistScope.GUILD
                && caller.guildId().filter(e.scopeId()::equals).isPresent();
    }

    private static String describe(DenialTarget target) {
        return target.type().name().toLowerCase(Locale.ROOT) + " " + target.id();
    }
}
