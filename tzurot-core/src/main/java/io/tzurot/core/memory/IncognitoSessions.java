package io.tzurot.core.memory;

import io.tzurot.core.messaging.EphemeralKeyStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Incognito sessions in the ephemeral key store (Redis when shared, so every process sees them): one key per user
 * and character, or per user for "all", named {@code incognito:{userId}:{personalityId|all}} (spec datamodel §1),
 * expiring with the session; "forever" keys never expire. An index key per user lists the targets so the
 * sessions can be listed (the store has no key scan).
 */
public final class IncognitoSessions {

    private static final String ALL = "all";
    private static final String PREFIX = "incognito:";

    private final EphemeralKeyStore keys;
    private final Clock clock;

    public IncognitoSessions(EphemeralKeyStore keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts (or restarts) a session for one character, or for all when {@code personalityId} is empty. */
    public IncognitoSession enable(UUID userId, Optional<UUID> personalityId, IncognitoDuration duration) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(duration, "duration");
        Instant now = clock.instant();
        String key = key(userId, target(personalityId));
        String value = duration.code() + "|" + now.toEpochMilli();
        duration.length().ifPresentOrElse(ttl -> keys.set(key, value, ttl), () -> keys.setWithoutExpiry(key, value));
        Set<String> index = index(userId);
        index.add(target(personalityId));
        writeIndex(userId, index);
        return new IncognitoSession(personalityId, duration, now, duration.length().map(now::plus));
    }

    /**
     * Ends the session for one character, or every session when {@code personalityId} is empty ("all" turns it all
     * off). Returns how many sessions ended.
     */
    public int disable(UUID userId, Optional<UUID> personalityId) {
        Objects.requireNonNull(userId, "userId");
        Set<String> index = index(userId);
        List<String> targets = personalityId.isPresent() ? List.of(target(personalityId)) : List.copyOf(index);
        int ended = 0;
        for (String target : personalityId.isPresent() ? targets : withAll(targets)) {
            if (keys.delete(key(userId, target))) {
                ended++;
            }
            index.remove(target);
        }
        writeIndex(userId, index);
        return ended;
    }

    /** The user's sessions that are still on, "all" first; expired ones are dropped from the index as they are seen. */
    public List<IncognitoSession> active(UUID userId) {
        Objects.requireNonNull(userId, "userId");
        List<IncognitoSession> sessions = new ArrayList<>();
        Set<String> index = index(userId);
        boolean stale = false;
        for (String target : withAll(List.copyOf(index))) {
            Optional<IncognitoSession> session = read(userId, target);
            session.ifPresent(sessions::add);
            stale |= session.isEmpty() && index.contains(target);
        }
        if (stale) {
            writeIndex(userId, index); // prunes the targets whose session expired on its own
        }
        return sessions;
    }

    /** The session that keeps the user's exchanges with this character out of memory, if any ("all" first). */
    public Optional<IncognitoSession> covering(UUID userId, UUID personalityId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personalityId, "personalityId");
        return read(userId, ALL).or(() -> read(userId, personalityId.toString()));
    }

    private Optional<IncognitoSession> read(UUID userId, String target) {
        return keys.get(key(userId, target)).flatMap(value -> parse(target, value));
    }

    private static Optional<IncognitoSession> parse(String target, String value) {
        Optional<UUID> personality;
        try {
            personality = target.equals(ALL) ? Optional.empty() : Optional.of(UUID.fromString(target));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a target this class writes
        }
        String[] parts = value.split("\\|", 2);
        try {
            IncognitoDuration duration = IncognitoDuration.parse(parts[0]);
            Instant enabledAt = Instant.ofEpochMilli(Long.parseLong(parts[1]));
            return Optional.of(new IncognitoSession(personality, duration, enabledAt,
                    duration.length().map(enabledAt::plus)));
        } catch (RuntimeException e) {
            // an unreadable value under a session key: safer to keep memories out than to store them
            return Optional.of(new IncognitoSession(personality, IncognitoDuration.FOREVER, Instant.EPOCH,
                    Optional.empty()));
        }
    }

    private Set<String> index(UUID userId) {
        return keys.get(indexKey(userId)).map(v -> new LinkedHashSet<>(Arrays.stream(v.split(","))
                .filter(s -> !s.isBlank()).toList())).orElseGet(LinkedHashSet::new);
    }

    private void writeIndex(UUID userId, Set<String> index) {
        // drop targets whose session expired on its own, so the index stays as small as the live sessions
        index.removeIf(target -> keys.get(key(userId, target)).isEmpty());
        if (index.isEmpty()) {
            keys.delete(indexKey(userId));
        } else {
            keys.setWithoutExpiry(indexKey(userId), String.join(",", index));
        }
    }

    private static List<String> withAll(List<String> targets) {
        List<String> out = new ArrayList<>();
        out.add(ALL);
        targets.stream().filter(t -> !t.equals(ALL)).forEach(out::add);
        return out;
    }

    private static String target(Optional<UUID> personalityId) {
        return personalityId.map(UUID::toString).orElse(ALL);
    }

    private static String key(UUID userId, String target) {
        return PREFIX + userId + ":" + target;
    }

    private static String indexKey(UUID userId) {
        return PREFIX + userId + ":index";
    }
}
