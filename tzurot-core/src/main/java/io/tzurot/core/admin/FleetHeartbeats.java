package io.tzurot.core.admin;

import io.tzurot.core.access.Actor;
import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The fleet's liveness: each process writes its {@link Heartbeat} under {@value #PREFIX}{@code <processId>} every
 * {@link #INTERVAL}, with a TTL of three intervals, so a stopped process drops out of {@link #live} on its own.
 */
public final class FleetHeartbeats {

    public static final String PREFIX = "heartbeat:";
    public static final Duration INTERVAL = Duration.ofSeconds(15);
    public static final Duration TTL = INTERVAL.multipliedBy(3);

    private final EphemeralKeyStore keys;

    public FleetHeartbeats(EphemeralKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Writes (or renews) this process's beat. */
    public void beat(Heartbeat heartbeat) {
        keys.set(PREFIX + heartbeat.processId(), heartbeat.encode(), TTL);
    }

    /** Removes this process's beat (at a clean stop). */
    public void stop(String processId) {
        keys.delete(PREFIX + processId);
    }

    /** The live processes for the bot owner, by roles then id. */
    public List<Heartbeat> live(Actor actor) {
        BotOwnerOnly.require(actor);
        return keys.withPrefix(PREFIX).values().stream().flatMap(v -> Heartbeat.decode(v).stream())
                .sorted(Comparator.comparing(Heartbeat::roles).thenComparing(Heartbeat::processId)).toList();
    }
}
