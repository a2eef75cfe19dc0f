package io.tzurot.core.reply;

import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.prompt.HistoryEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Merges a channel's recent platform messages into the stored history (spec/discord.md §1.9). */
final class ChannelContext {

    private ChannelContext() {
    }

    /**
     * The stored entries plus the newest {@code maxMessages} channel messages created after {@code lowerBound}
     * that no stored entry holds, oldest first.
     */
    static List<HistoryEntry> merge(List<HistoryEntry> stored, List<ChannelMessage> channel, int maxMessages,
                                    Optional<Instant> lowerBound, UserReferences.Scope users) {
        Set<String> storedIds = new HashSet<>();
        stored.forEach(entry -> storedIds.addAll(entry.messageIds()));
        List<ChannelMessage> kept = new ArrayList<>();
        for (int i = channel.size() - 1; i >= 0 && kept.size() < maxMessages; i--) {
            ChannelMessage m = channel.get(i);
            if (storedIds.contains(m.messageId())) {
                continue; // the stored turn wins: it carries what the platform message does not
            }
            if (lowerBound.isPresent() && !m.sentAt().isAfter(lowerBound.get())) {
                break; // oldest first, so everything before this one is out of range too
            }
            kept.add(m);
        }
        if (kept.isEmpty()) {
            return stored;
        }
        List<HistoryEntry> merged = new ArrayList<>(stored.size() + kept.size());
        merged.addAll(stored);
        for (ChannelMessage m : kept) {
            merged.add(entry(m, users));
        }
        merged.sort(Comparator.comparing(HistoryEntry::createdAt));
        return merged;
    }

    private static HistoryEntry entry(ChannelMessage m, UserReferences.Scope users) {
        Optional<Persona> persona = users.persona(m.authorId());
        String name = persona.map(Persona::displayName).orElse(m.authorName());
        // only a registered person has a persona id to match a participant; anyone else is named, not identified
        Optional<String> personaId = persona.map(p -> p.id().toString());
        return new HistoryEntry(HistoryEntry.Role.USER, name, personaId,
                m.authorUsername().isEmpty() ? Optional.empty() : Optional.of(m.authorUsername()), m.sentAt(),
                users.mentionsInMessage(m.content()), OptionalInt.empty(), List.of(m.messageId()), List.of(), List.of());
    }
}
