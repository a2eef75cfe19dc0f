package io.tzurot.core.diagnostics;

import io.tzurot.core.access.AccessDeniedException;
import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.HiddenFieldsSharing;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.webchannel.WebConversations;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who sees a diagnostic record, and how much of it. A user sees the records of their own replies made in a
 * Discord channel or in one of their own web channels; the bot owner sees all. A character's hidden fields
 * (its system prompt, which the personality API shows nobody) are cut out of the record unless the viewer is
 * the character's owner or the bot owner, or the owner chose to share them.
 */
public final class ViewingDiagnostics {

    /** What stands in the prompt where the character's system prompt was. */
    public static final String REDACTED = "[hidden: the character's system prompt is shown only to its owner]";

    // the prompt's <protocol> section carries the system prompt (prompt.SystemSections); matched inside one
    // JSON string only (no unescaped quote in between), so the record stays valid JSON
    private static final Pattern PROTOCOL = Pattern.compile("<protocol>(?:[^\"\\\\]|\\\\.)*?</protocol>");

    private final DiagnosticLogRepository logs;
    private final WebConversations conversations;
    private final PersonalityRepository personalities;
    private final HiddenFieldsSharing sharing;

    public ViewingDiagnostics(DiagnosticLogRepository logs, WebConversations conversations,
                              PersonalityRepository personalities, HiddenFieldsSharing sharing) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.sharing = Objects.requireNonNull(sharing, "sharing");
    }

    /** The record as the actor may see it; empty when missing or not theirs (the two look alike). */
    public Optional<DiagnosticLog> find(Actor actor, String requestId) {
        return logs.findByRequestId(requestId)
                .filter(log -> actor.owner() || actor.discordId().equals(log.userDiscordId())
                        && conversations.mayReadRecordIn(actor, log.channelId()))
                .map(log -> mayReadHiddenFields(actor, log.personalityId()) ? log : redacted(log));
    }

    /** Whether the actor may read this character's hidden fields: its owner, the bot owner, or anyone when shared. */
    public boolean mayReadHiddenFields(Actor actor, UUID personalityId) {
        if (actor.owner() || personalityId == null) {
            return true;
        }
        Optional<Personality> p = personalities.findById(personalityId);
        // a deleted character's record stays redacted: nobody can say it was shared
        return p.isPresent() && (p.get().ownerId().equals(actor.userId()) || sharing.isShared(personalityId));
    }

    /** Whether the character shows its hidden fields in everyone's records (its owner's choice; off by default). */
    public boolean sharesHiddenFields(Personality personality) {
        return sharing.isShared(personality.id());
    }

    /**
     * Turns sharing of the character's hidden fields on or off.
     *
     * @throws AccessDeniedException unless the actor is the character's owner or the bot owner
     */
    public void shareHiddenFields(Actor actor, Personality personality, boolean shared) {
        if (!actor.mayManage(personality.ownerId())) {
            throw new AccessDeniedException("Only the owner of '" + personality.slug()
                    + "' may choose whether its system prompt is shown in other users' diagnostic records.");
        }
        sharing.setShared(personality.id(), shared);
    }

    /** The record with every system prompt section replaced by {@link #REDACTED}. */
    static DiagnosticLog redacted(DiagnosticLog log) {
        String data = PROTOCOL.matcher(log.dataJson()).replaceAll(Matcher.quoteReplacement("<protocol>" + REDACTED + "</protocol>"));
        return new DiagnosticLog(log.id(), log.requestId(), log.triggerMessageId(), log.responseMessageIds(), log.personalityId(),
                log.userDiscordId(), log.guildId(), log.channelId(), log.model(), log.provider(), log.durationMs(), data,
                log.createdAt());
    }
}
