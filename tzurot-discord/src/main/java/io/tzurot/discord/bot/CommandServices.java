package io.tzurot.discord.bot;

import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.core.history.ManagingHistory;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.model.BrowsingModels;
import io.tzurot.discord.portability.PortabilityServices;
import java.util.Objects;
import java.util.Optional;

/**
 * What the slash commands need beyond {@link DiscordServices}: the management use cases (the same rules the web
 * and the CLI call), reply inspection, the provider's model catalogue, and the ephemeral key store that holds dashboard sessions (Redis when
 * shared, so any {@code discord} process can continue a dashboard), the portability use cases, and the history
 * use case of {@code /history}, and the bot owner's use cases of {@code /admin}.
 */
public record CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                              BrowsingModels models, Optional<PortabilityServices> portability,
                              Optional<ManagingHistory> history, Optional<AdminServices> admin) {

    public CommandServices {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(inspecting, "inspecting");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(portability, "portability");
        Objects.requireNonNull(history, "history");
        admin = Objects.requireNonNullElse(admin, Optional.empty());
    }

    /** The same, without {@code /admin}. */
    public CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                           BrowsingModels models, Optional<PortabilityServices> portability,
                           Optional<ManagingHistory> history) {
        this(keys, useCases, inspecting, models, portability, history, Optional.empty());
    }

    /** The same, with {@code /admin} (the bot owner's commands). */
    public CommandServices withAdmin(AdminServices services) {
        return new CommandServices(keys, useCases, inspecting, models, portability, history, Optional.of(services));
    }

    /** Without the portability and history use cases: their subcommands say they are not available. */
    public CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                           BrowsingModels models) {
        this(keys, useCases, inspecting, models, Optional.empty(), Optional.empty());
    }

    /** The same, with character files, data export and erasure (and shapes.inc imports when given). */
    public CommandServices withPortability(PortabilityServices services) {
        return new CommandServices(keys, useCases, inspecting, models, Optional.of(services), history, admin);
    }

    /** The same, with {@code /history} (clear, undo, stats, purge). */
    public CommandServices withHistory(ManagingHistory managing) {
        return new CommandServices(keys, useCases, inspecting, models, portability, Optional.of(managing), admin);
    }
}
