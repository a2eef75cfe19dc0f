package io.tzurot.discord.bot;

import io.tzurot.core.messaging.EphemeralKeyStore;
import java.util.Objects;

/**
 * What the slash commands need beyond {@link DiscordServices}: the ephemeral key store that holds dashboard
 * sessions (Redis when shared, so any {@code discord} process can continue a dashboard).
 */
public record CommandServices(EphemeralKeyStore keys) {

    public CommandServices {
        Objects.requireNonNull(keys, "keys");
    }
}
