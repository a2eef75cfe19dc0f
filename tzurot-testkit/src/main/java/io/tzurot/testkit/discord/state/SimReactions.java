package io.tzurot.testkit.discord.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who reacted to which message with which (unicode) emoji, in the order they reacted. */
public final class SimReactions {

    /** One reaction: {@code userId} put {@code emoji} on the message. */
    public record Reaction(String emoji, long userId) {
    }

    private final Map<Long, Set<Reaction>> byMessage = new LinkedHashMap<>();

    /** True when the reaction is new. */
    public synchronized boolean add(long messageId, String emoji, long userId) {
        return byMessage.computeIfAbsent(messageId, id -> new LinkedHashSet<>()).add(new Reaction(emoji, userId));
    }

    /** True when the reaction was there. */
    public synchronized boolean remove(long messageId, String emoji, long userId) {
        Set<Reaction> reactions = byMessage.get(messageId);
        return reactions != null && reactions.remove(new Reaction(emoji, userId));
    }

    public synchronized List<Reaction> of(long messageId) {
        return new ArrayList<>(byMessage.getOrDefault(messageId, Set.of()));
    }

    public synchronized void forget(long messageId) {
        byMessage.remove(messageId);
    }
}
