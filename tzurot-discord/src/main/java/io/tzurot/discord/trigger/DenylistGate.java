package io.tzurot.discord.trigger;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistPolicy;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.moderation.DenylistType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides whether a denial silences a message: the user or the guild bot-wide, the user in this guild, in
 * this channel or in the thread's parent channel, the channel itself (or the thread's parent), or (per character)
 * for the addressed character. Only
 * active entries count, so an expired denial no longer applies. The bot owner is never filtered.
 */
public final class DenylistGate {

    private final DenylistRepository denylist;
    private final Clock clock;
    private final Optional<String> botOwnerId;

    public DenylistGate(DenylistRepository denylist, Clock clock, Optional<String> botOwnerId) {
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.botOwnerId = Objects.requireNonNull(botOwnerId, "botOwnerId");
    }

    /**
     * The entries that could apply to this user in this guild (null in DMs); empty for the bot owner. Channel denials
     * are left out: they silence messages, never the commands that lift them.
     */
    public List<DenylistEntry> entriesFor(String userId, String guildId) {
        if (botOwnerId.filter(userId::equals).isPresent()) {
            return List.of();
        }
        List<DenylistEntry> entries = new ArrayList<>(denylist.findActive(DenylistType.USER, userId, clock.instant()));
        if (guildId != null) {
            entries.addAll(denylist.findActive(DenylistType.GUILD, guildId, clock.instant()));
        }
        return entries;
    }

    /** As {@link #entriesFor(String, String)}, plus denials of this channel and of a thread's parent (may be null). */
    public List<DenylistEntry> entriesFor(String userId, String guildId, String channelId, String parentChannelId) {
        List<DenylistEntry> entries = new ArrayList<>(entriesFor(userId, guildId));
        if (botOwnerId.filter(userId::equals).isPresent()) {
            return entries;
        }
        entries.addAll(denylist.findActive(DenylistType.CHANNEL, channelId, clock.instant()));
        if (parentChannelId != null) {
            entries.addAll(denylist.findActive(DenylistType.CHANNEL, parentChannelId, clock.instant()));
        }
        return entries;
    }

    /** True when the message must be dropped before any character is considered. */
    public boolean silences(List<DenylistEntry> entries, String userId, String guildId, String channelId,
                            String parentChannelId) {
        if (entries.isEmpty()) {
            return false;
        }
        if (DenylistPolicy.evaluate(entries, clock.instant(), userId, guildId, channelId, null).isPresent()) {
            return true;
        }
        return parentChannelId != null
                && DenylistPolicy.evaluate(entries, clock.instant(), userId, guildId, parentChannelId, null).isPresent();
    }

    /**
     * True when the user is under a BLOCK denial here (bot-wide, this guild, this channel or the thread's parent):
     * their messages are left out of what characters are shown; a MUTE still lets them be seen.
     */
    public boolean blocks(String userId, String guildId, String channelId, String parentChannelId) {
        List<DenylistEntry> entries = entriesFor(userId, guildId);
        if (entries.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return DenylistPolicy.evaluate(entries, now, userId, guildId, channelId, null)
                .or(() -> parentChannelId == null ? Optional.empty()
                        : DenylistPolicy.evaluate(entries, now, userId, guildId, parentChannelId, null))
                .filter(mode -> mode == DenylistMode.BLOCK).isPresent();
    }

    /**
     * True when the guild itself is BLOCKed bot-wide (BOT scope): the bot leaves such a guild. A MUTEd guild is
     * stayed in, silently.
     */
    public boolean deniesGuild(String guildId) {
        return denylist.findActive(DenylistType.GUILD, guildId, clock.instant()).stream()
                .anyMatch(e -> e.scope() == io.tzurot.core.moderation.DenylistScope.BOT && e.mode() == DenylistMode.BLOCK);
    }

    /** True when a per-character denial keeps this user from that character. */
    public boolean deniesCharacter(List<DenylistEntry> entries, String userId, String guildId, String channelId,
                                   UUID personalityId) {
        return !entries.isEmpty() && DenylistPolicy.evaluate(entries, clock.instant(), userId, guildId, channelId,
                personalityId.toString()).isPresent();
    }
}
