package io.tzurot.discord.bot;

import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.diagnostics.InspectingReplies;
import io.tzurot.core.history.ManagingHistory;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.model.BrowsingModels;
import io.tzurot.discord.lore.LoreServices;
import io.tzurot.discord.memory.MemoryServices;
import io.tzurot.discord.notes.NoteServices;
import io.tzurot.discord.portability.PortabilityServices;
import java.util.Objects;
import java.util.Optional;

/**
 * What the slash commands need beyond {@link DiscordServices}: the management use cases (the same rules the web
 * and the CLI call), reply inspection, the provider's model catalogue, and the ephemeral key store that holds dashboard sessions (Redis when
 * shared, so any {@code discord} process can continue a dashboard), the portability use cases, the history
 * use case of {@code /history}, the memory use cases of {@code /memory}, the bot owner's use cases of
 * {@code /admin}, the lorebook use cases of {@code /lorebook} and the author's-note use cases of {@code /note}.
 */
public record CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                              BrowsingModels models, Optional<PortabilityServices> portability,
                              Optional<ManagingHistory> history, Optional<MemoryServices> memory,
                              Optional<AdminServices> admin, Optional<LoreServices> lore,
                              Optional<NoteServices> notes) {

    public CommandServices {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(inspecting, "inspecting");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(portability, "portability");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(lore, "lore");
        Objects.requireNonNull(notes, "notes");
    }

    /** Without {@code /note}'s use cases. */
    public CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                           BrowsingModels models, Optional<PortabilityServices> portability,
                           Optional<ManagingHistory> history, Optional<MemoryServices> memory,
                           Optional<AdminServices> admin, Optional<LoreServices> lore) {
        this(keys, useCases, inspecting, models, portability, history, memory, admin, lore, Optional.empty());
    }

    /** Without {@code /lorebook}'s use cases. */
    public CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                           BrowsingModels models, Optional<PortabilityServices> portability,
                           Optional<ManagingHistory> history, Optional<MemoryServices> memory,
                           Optional<AdminServices> admin) {
        this(keys, useCases, inspecting, models, portability, history, memory, admin, Optional.empty());
    }

    /** Without {@code /memory}'s and {@code /admin}'s use cases. */
    public CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                           BrowsingModels models, Optional<PortabilityServices> portability,
                           Optional<ManagingHistory> history) {
        this(keys, useCases, inspecting, models, portability, history, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Without the portability and history use cases: their subcommands say they are not available. */
    public CommandServices(EphemeralKeyStore keys, ManagementUseCases useCases, InspectingReplies inspecting,
                           BrowsingModels models) {
        this(keys, useCases, inspecting, models, Optional.empty(), Optional.empty());
    }

    /** The same, with character files, data export and erasure (and shapes.inc imports when given). */
    public CommandServices withPortability(PortabilityServices services) {
        return new CommandServices(keys, useCases, inspecting, models, Optional.of(services), history, memory, admin, lore,
                notes);
    }

    /** The same, with {@code /history} (clear, undo, stats, purge). */
    public CommandServices withHistory(ManagingHistory managing) {
        return new CommandServices(keys, useCases, inspecting, models, portability, Optional.of(managing), memory, admin,
                lore, notes);
    }

    /** The same, with {@code /memory} (memories, focus mode, incognito). */
    public CommandServices withMemory(MemoryServices services) {
        return new CommandServices(keys, useCases, inspecting, models, portability, history, Optional.of(services), admin,
                lore, notes);
    }

    /** The same, with {@code /lorebook} (books, entries, attachments, the keyword test). */
    public CommandServices withLore(LoreServices services) {
        return new CommandServices(keys, useCases, inspecting, models, portability, history, memory, admin,
                Optional.of(services), notes);
    }

    /** The same, with {@code /note} (author's notes and user prompts). */
    public CommandServices withNotes(NoteServices services) {
        return new CommandServices(keys, useCases, inspecting, models, portability, history, memory, admin, lore,
                Optional.of(services));
    }

    /** The same, with {@code /admin} (the bot owner's commands). */
    public CommandServices withAdmin(AdminServices services) {
        return new CommandServices(keys, useCases, inspecting, models, portability, history, memory, Optional.of(services),
                lore, notes);
    }
}
