package io.tzurot.core.speaking;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A server's speaking rule: its mode and listed channels (kept across mode changes, so switching between allowlist
 * and denylist is one step). A thread counts as its parent channel.
 */
public record SpeakingPolicy(String guildId, SpeakingMode mode, Set<String> channels) {

    public SpeakingPolicy {
        Objects.requireNonNull(guildId, "guildId");
        Objects.requireNonNull(mode, "mode");
        channels = Set.copyOf(new TreeSet<>(channels));
    }

    /** A server that never chose: characters speak everywhere. */
    public static SpeakingPolicy everywhere(String guildId) {
        return new SpeakingPolicy(guildId, SpeakingMode.ALL, Set.of());
    }

    /** True when characters may speak in {@code channelId} (or, for a thread, its parent {@code parentId}, may be null). */
    public boolean allows(String channelId, String parentId) {
        boolean listed = channels.contains(channelId) || parentId != null && channels.contains(parentId);
        return switch (mode) {
            case ALL -> true;
            case ALLOWLIST -> listed;
            case DENYLIST -> !listed;
        };
    }

    /** The listed channels in a stable order. */
    public java.util.List<String> sortedChannels() {
        return new TreeSet<>(channels).stream().toList();
    }
}
