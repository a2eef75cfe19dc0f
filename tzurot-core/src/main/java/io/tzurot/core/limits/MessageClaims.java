package io.tzurot.core.limits;

import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * The one-handler rule for incoming platform messages (spec/discord.md §4): the first process to claim a message
 * handles it; a second gateway receiving the same message (overlapping shards, a resumed session) lets it go.
 */
public final class MessageClaims {

    /** Longer than any redelivery of one gateway event. */
    public static final Duration TTL = Duration.ofHours(1);

    private final EphemeralKeyStore keys;

    public MessageClaims(EphemeralKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** True for the first caller only, across every process sharing the key store. */
    public boolean claim(String platform, String messageId) {
        return keys.setIfAbsent("claim:" + platform + ":" + messageId, "1", TTL);
    }
}
