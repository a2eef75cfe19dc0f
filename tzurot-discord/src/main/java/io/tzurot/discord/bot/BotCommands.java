package io.tzurot.discord.bot;

import io.tzurot.core.channel.ListingActivatedChannels;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.discord.admin.AdminCommand;
import io.tzurot.discord.channel.ChannelCommand;
import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.discord.character.CharacterCommand;
import io.tzurot.discord.dashboard.DashboardSessions;
import io.tzurot.discord.chat.ChatCommand;
import io.tzurot.discord.deny.DenyCommand;
import io.tzurot.discord.command.CommandRouter;
import io.tzurot.discord.command.SlashCommand;
import io.tzurot.discord.help.HelpCommand;
import io.tzurot.discord.history.HistoryCommand;
import io.tzurot.discord.inspect.InspectCommand;
import io.tzurot.discord.memory.MemoryCommand;
import io.tzurot.discord.models.ModelsCommand;
import io.tzurot.discord.persona.PersonaCommand;
import io.tzurot.discord.portability.CharacterFileCommands;
import io.tzurot.discord.portability.DataCommands;
import io.tzurot.discord.preset.PresetCommand;
import io.tzurot.discord.settings.SettingsCommand;
import io.tzurot.discord.trigger.DenylistGate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;

/** Assembles the slash commands over the platform's use cases, and the router that serves them. */
final class BotCommands {

    private BotCommands() {
    }

    static CommandRouter router(DiscordServices services, CommandServices commandServices, DiscordSettings settings,
                                MessageHandler messages, Executor workers, ScheduledExecutorService timer,
                                Supplier<List<JDA>> shards) {
        ManagementUseCases useCases = commandServices.useCases();
        CharacterChoices characters = new CharacterChoices(useCases.viewingPersonalities());
        AtomicReference<List<SlashCommand>> registered = new AtomicReference<>(List.of());
        List<SlashCommand> commands = new ArrayList<>();
        DashboardSessions sessions = new DashboardSessions(commandServices.keys(), services.clock());
        commands.add(new ChannelCommand(useCases.channels(),
                new ListingActivatedChannels(services.channels(), services.personalities()), characters,
                useCases.channelSettings(), sessions, services.speaking().map(SpeakingServices::places),
                Optional.of(new io.tzurot.core.channel.SwitchingEditStreaming(services.channels()))));
        ChatCommand chat = new ChatCommand(useCases.viewingPersonalities(), characters, messages::chat);
        SceneCommands.add(commands, services, characters, messages::chat);
        commands.add(new CharacterCommand(useCases, characters, chat, sessions,
                new CharacterFileCommands(commandServices.portability())));
        commands.add(chat);
        commands.add(new PersonaCommand(useCases, characters, sessions));
        commands.add(new HistoryCommand(useCases.viewingPersonalities(), characters, commandServices.history()));
        commands.add(new MemoryCommand(useCases.viewingPersonalities(), characters, commandServices.memory(),
                commandServices.memory().map(io.tzurot.discord.memory.MemoryServices::groups).orElse(List.of())));
        commands.add(new io.tzurot.discord.lore.LorebookCommand(commandServices.lore(), characters));
        commands.add(new PresetCommand(useCases, characters, sessions));
        commandServices.notes().ifPresent(n -> commands.add(new io.tzurot.discord.notes.NoteCommand(n, characters)));
        commands.add(new ModelsCommand(commandServices.models()));
        commands.add(new SettingsCommand(useCases, sessions, new DataCommands(commandServices.portability(), timer)));
        commandServices.admin().ifPresent(admin -> commands.add(new AdminCommand(admin, shards, sessions,
                services.clock())));
        InspectCommand inspect = new InspectCommand(commandServices.inspecting());
        commands.add(inspect);
        commands.add(new DenyCommand(new ManagingDenials(services.denylist(), services.clock(), settings.botOwnerId())));
        commands.add(new HelpCommand(registered::get, inspect.menus().stream().map(m -> m.name()).toList()));
        registered.set(List.copyOf(commands));
        DenylistGate denylist = new DenylistGate(services.denylist(), services.clock(), settings.botOwnerId());
        InteractionCallers callers = new InteractionCallers(denylist,
                new GetOrCreateUser(services.users(), settings.botOwnerId().orElse(null)),
                services.guards().map(MessageGuards::limits));
        return new CommandRouter(commands, inspect.menus(), callers, workers);
    }
}
