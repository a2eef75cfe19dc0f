package io.tzurot.core.admin;

import io.tzurot.core.access.Actor;
import io.tzurot.core.messaging.EphemeralKeyStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: the bot owner sets the bot's activity; it is kept (without expiry) in the key store under
 * {@value #KEY}, so every {@code discord} process shows it and restores it at start.
 */
public final class ManagingPresence {

    /** The reference's key (spec/discord.md §1 caches). */
    public static final String KEY = "bot:presence";

    private final EphemeralKeyStore keys;

    public ManagingPresence(EphemeralKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** @throws io.tzurot.core.failure.DomainException forbidden for anyone but the bot owner; invalid type or text */
    public Presence set(Actor actor, int type, String text, String status) {
        BotOwnerOnly.require(actor);
        Presence presence = new Presence(Presence.Kind.of(type), text, Presence.Status.parse(status));
        keys.setWithoutExpiry(KEY, presence.encode());
        return presence;
    }

    /** The presence to show (at start, too); empty when none was ever set or it cannot be read. */
    public Optional<Presence> current() {
        return keys.get(KEY).flatMap(Presence::decode);
    }
}
