package io.tzurot.discord.memory;

import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.IncognitoSession;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.summaries.SummaryLabel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The fixed texts of {@code /memory}: what each subcommand answers. */
final class MemoryTexts {

    private MemoryTexts() {
    }

    static String stats(Personality personality, ManagingMemories.Stats stats, boolean focus) {
        StringBuilder text = new StringBuilder("📊 You have **").append(stats.total()).append("** memor")
                .append(stats.total() == 1 ? "y" : "ies").append(" with **").append(personality.shownName())
                .append("**");
        stats.persona().ifPresent(p -> text.append(" (persona **").append(p.name()).append("**)"));
        text.append('.');
        if (stats.newest().isPresent()) {
            text.append("\nFrom ").append(when(stats.oldest().orElseThrow())).append(" to ")
                    .append(when(stats.newest().get())).append('.');
        }
        if (focus) {
            text.append("\n🔒 Focus mode is on: they are not recalled in replies.");
        }
        return text.toString();
    }

    static String focus(Personality personality, boolean on, boolean changed) {
        String name = "**" + personality.shownName() + "**";
        if (on) {
            return (changed ? "🔒 Focus mode on: " : "🔒 Focus mode is on: ") + name
                    + " does not recall your memories (new ones are still saved).";
        }
        return (changed ? "🔓 Focus mode off: " : "🔓 Focus mode is off: ") + name + " recalls your memories.";
    }

    static String incognitoOn(Optional<Personality> personality, IncognitoSession session) {
        return "👻 Incognito on for " + who(personality) + " " + until(session)
                + ": replies are given, but no memories are saved. `/memory incognito disable` ends it.";
    }

    static String incognitoOff(Optional<Personality> personality, GoingIncognito.Disabled disabled) {
        if (disabled.ended() == 0) {
            return "ℹ️ Incognito was not on for " + who(personality) + ".";
        }
        String text = "✅ Incognito off for " + who(personality) + ": memories are saved again.";
        return disabled.stillCoveredByAll() ? text + "\n👻 Your incognito session for all characters still"
                + " keeps memories out; `/memory incognito disable character:all` ends it." : text;
    }

    static String incognitoStatus(List<IncognitoSession> sessions, Function<UUID, String> names) {
        if (sessions.isEmpty()) {
            return "💾 Incognito is off: your memories are saved.";
        }
        StringBuilder text = new StringBuilder("👻 Incognito sessions:");
        for (IncognitoSession s : sessions) {
            text.append("\n• ").append(s.personalityId().map(id -> "**" + names.apply(id) + "**")
                    .orElse("**all characters**")).append(' ').append(until(s));
        }
        return text.toString();
    }

    static String forgot(Optional<Personality> personality, String timeframe, int deleted) {
        return "🧹 Forgot " + deleted + " memor" + (deleted == 1 ? "y" : "ies") + " saved with " + who(personality)
                + " in the last " + timeframe.strip() + ".";
    }

    static String who(Optional<Personality> personality) {
        return personality.map(p -> "**" + p.shownName() + "**").orElse("**all characters**");
    }

    private static String until(IncognitoSession session) {
        return session.expiresAt().map(at -> "until " + when(at) + " (" + relative(at) + ")")
                .orElse("until you turn it off");
    }

    /** One memory as a list line: date, channel, lock, preview. */
    static String line(Memory m) {
        return when(m.createdAt(), "d") + " · " + channel(m) + " · " + (m.locked() ? "🔒 " : "")
                + (m.isSummary() ? SummaryLabel.MARK + " " : "") + preview(m, 90);
    }

    static String channel(Memory m) {
        String id = m.channelId();
        if (id == null || id.isBlank()) {
            return "no channel";
        }
        return id.chars().allMatch(Character::isDigit) ? "<#" + id + ">" : "`" + id + "`";
    }

    static String preview(Memory m, int max) {
        String flat = m.content().replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    static String when(Instant at) {
        return when(at, "f");
    }

    static String when(Instant at, String style) {
        return "<t:" + at.getEpochSecond() + ":" + style + ">";
    }

    private static String relative(Instant at) {
        return "<t:" + at.getEpochSecond() + ":R>";
    }
}
