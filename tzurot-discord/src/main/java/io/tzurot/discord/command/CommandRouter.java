package io.tzurot.discord.command;

import io.tzurot.core.failure.DomainException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every interaction: slash commands by name (deferred first, as each command declares), autocomplete to
 * the command, buttons, selects and modals by the custom-id prefix before the first {@code ::}, and message
 * context commands by name. A denied user gets no response at all. A refusal becomes one ephemeral message;
 * an unexpected error becomes one ephemeral message with a reference id that is logged with the error.
 */
public final class CommandRouter extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    private static final int MAX_CHOICES = 25;

    private final Map<String, SlashCommand> byName = new LinkedHashMap<>();
    private final Map<String, SlashCommand> byPrefix = new LinkedHashMap<>();
    private final Map<String, MessageMenuCommand> menus = new LinkedHashMap<>();
    private final Callers callers;
    private final Executor workers;
    private final SecureRandom random = new SecureRandom();

    public CommandRouter(List<SlashCommand> commands, List<MessageMenuCommand> menuCommands, Callers callers,
                         Executor workers) {
        this.callers = Objects.requireNonNull(callers, "callers");
        this.workers = Objects.requireNonNull(workers, "workers");
        for (SlashCommand command : commands) {
            if (byName.put(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.name());
            }
            for (String prefix : command.prefixes()) {
                if (byPrefix.put(prefix, command) != null) {
                    throw new IllegalArgumentException("two commands claim the custom-id prefix " + prefix);
                }
            }
        }
        menuCommands.forEach(m -> menus.put(m.name(), m));
    }

    /** The registered commands, in registration order (for {@code /help} and registration). */
    public List<SlashCommand> commands() {
        return List.copyOf(byName.values());
    }

    public List<MessageMenuCommand> menuCommands() {
        return List.copyOf(menus.values());
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        SlashCommand command = byName.get(event.getName());
        if (command == null) {
            LOG.warn("unknown slash command /{} ignored", event.getName());
            return;
        }
        workers.execute(() -> {
            if (callers.denied(event)) {
                return;
            }
            Optional<String> refused = callers.refusal(event);
            if (refused.isPresent()) {
                event.reply(refused.get()).setEphemeral(true).queue(ok -> { }, error -> { });
                return;
            }
            Deferral deferral = command.deferral(event.getFullCommandName());
            try {
                if (deferral != Deferral.MODAL) {
                    event.deferReply(deferral == Deferral.EPHEMERAL).queue();
                }
                command.run(new CommandCall(event, callers.resolve(event), deferral));
            } catch (RuntimeException e) {
                fail(event, e, "/" + event.getFullCommandName(), deferral);
            }
        });
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        SlashCommand command = byName.get(event.getName());
        if (command == null) {
            return;
        }
        workers.execute(() -> {
            if (callers.denied(event)) {
                return;
            }
            List<Command.Choice> choices;
            try {
                choices = command.autocomplete(new AutocompleteCall(event, callers.resolve(event)));
            } catch (RuntimeException e) {
                // a failing suggestion list must not look like "no results" forever: log it, offer nothing
                LOG.error("autocomplete for /{} failed", event.getFullCommandName(), e);
                choices = List.of();
            }
            event.replyChoices(choices.size() > MAX_CHOICES ? choices.subList(0, MAX_CHOICES) : choices).queue();
        });
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        component(event, event.getComponentId());
    }

    @Override
    public void onStringSelectInteraction(StringSelectInteractionEvent event) {
        component(event, event.getComponentId());
    }

    @Override
    public void onModalInteraction(ModalInteractionEvent event) {
        component(event, event.getModalId());
    }

    @Override
    public void onMessageContextInteraction(MessageContextInteractionEvent event) {
        MessageMenuCommand command = menus.get(event.getName());
        if (command == null) {
            LOG.warn("unknown message command '{}' ignored", event.getName());
            return;
        }
        workers.execute(() -> {
            if (callers.denied(event)) {
                return;
            }
            try {
                event.deferReply(true).queue();
                command.run(event, callers.resolve(event));
            } catch (RuntimeException e) {
                fail(event, e, "'" + event.getName() + "'", Deferral.EPHEMERAL);
            }
        });
    }

    private <E extends GenericInteractionCreateEvent & IReplyCallback> void component(E event, String customId) {
        int end = customId.indexOf("::");
        String prefix = end < 0 ? customId : customId.substring(0, end);
        Optional<SlashCommand> owner = Optional.ofNullable(byPrefix.get(prefix));
        workers.execute(() -> {
            if (callers.denied(event)) {
                return;
            }
            try {
                if (owner.isEmpty()) {
                    throw new CommandFailure("Unknown interaction!");
                }
                owner.get().component(new ComponentCall(event, callers.resolve(event), customId));
            } catch (RuntimeException e) {
                fail(event, e, "component " + prefix, Deferral.MODAL);
            }
        });
    }

    /** One ephemeral message; {@code deferral} tells whether an ephemeral "thinking" original is waiting. */
    private void fail(IReplyCallback event, RuntimeException error, String what, Deferral deferral) {
        String text = message(error, what);
        if (!event.isAcknowledged()) {
            event.reply(text).setEphemeral(true).queue(ok -> { }, e -> LOG.warn("could not report an error: {}",
                    e.getMessage()));
        } else if (deferral == Deferral.EPHEMERAL) {
            event.getHook().editOriginal(text).setComponents().setEmbeds().queue();
        } else {
            if (deferral == Deferral.PUBLIC) {
                event.getHook().deleteOriginal().queue(ok -> { }, e -> { });
            }
            event.getHook().sendMessage(text).setEphemeral(true).queue();
        }
    }

    private String message(RuntimeException error, String what) {
        if (error instanceof DomainException domain) {
            return "❌ " + domain.getMessage();
        }
        if (error instanceof CommandFailure failure) {
            return failure.getMessage();
        }
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        String reference = HexFormat.of().formatHex(bytes);
        LOG.error("{} failed (error reference {})", what, reference, error);
        return "❌ Something went wrong on our side. If it keeps happening, tell the bot's operator the error reference `"
                + reference + "`.";
    }
}
