package io.tzurot.discord.scene;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.reply.Speaker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per channel: how many chained character turns there were since a person last spoke, and who that person was;
 * per character post: whether a gateway already followed it. In the key store, so every gateway process sharing it
 * counts together; state older than {@link #TTL} is forgotten (a chain that old is over).
 */
public final class ChainCounts {

    /** How long a channel's count and person are kept after a person spoke. */
    public static final Duration TTL = Duration.ofHours(6);

    private final EphemeralKeyStore keys;

    public ChainCounts(EphemeralKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A person spoke in {@code channelId}: the count starts again from zero, and chained turns answer them. */
    public void personSpoke(String channelId, Speaker person) {
        keys.set(personKey(channelId), String.join("\n", person.discordId(), person.username(), person.displayName()),
                TTL);
        keys.delete(countKey(channelId));
    }

    /** The person who last spoke in {@code channelId}, if one did within {@link #TTL}. */
    public Optional<Speaker> lastPerson(String channelId) {
        return keys.get(personKey(channelId)).map(v -> v.split("\n", 3)).filter(p -> p.length == 3)
                .map(p -> new Speaker(p[0], p[1], p[2]));
    }

    /** Counts one more chained turn in {@code channelId}; returns which it is (1 for the first since a person). */
    public long nextTurn(String channelId) {
        return keys.increment(countKey(channelId), TTL);
    }

    /** True for the first caller only: that gateway follows the post with id {@code messageId}. */
    public boolean claim(String messageId) {
        return keys.setIfAbsent("scene-chain:post:" + messageId, "1", TTL);
    }

    private static String personKey(String channelId) {
        return "scene-chain:person:" + channelId;
    }

    private static String countKey(String channelId) {
        return "scene-chain:count:" + channelId;
    }
}
