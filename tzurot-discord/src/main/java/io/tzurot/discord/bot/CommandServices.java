package io.tzurot.discord.bot;

import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.model.BrowsingModels;
import java.util.Objects;

/**
 * What the slash commands need beyond {@link DiscordServices}: the management use cases (the same rules the web
 * and the CLI call), reply inspection, the provider's model catalogue, and the ephemeral key store that holds dashboard sessions (Redis when
 * shared, so any {@code discord} process can continue a dashboard).
 */
public record CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                              BrowsingModels models) {

    public CommandServices {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(inspecting, "inspecting");
        Objects.requireNonNull(models, "models");
    }
}
