package io.tzurot.discord.models;

import io.tzurot.core.model.BrowsingModels;
import io.tzurot.core.model.ModelListing.ModelInfo;
import io.tzurot.discord.browse.BrowseSpec;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.command.AutocompleteCall;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.command.SlashCommand;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /models browse [query] [filter] [min-context] | view model}: the provider's models ({@link BrowsingModels}).
 * The browse filter rides in the custom id as {@code all|free|vision} plus {@code -{minimum context}}.
 */
public final class ModelsCommand implements SlashCommand {

    private final BrowsingModels models;
    private final BrowseView<ModelInfo> browse;

    public ModelsCommand(BrowsingModels models) {
        this.models = Objects.requireNonNull(models, "models");
        this.browse = new BrowseView<>(new Catalogue());
    }

    @Override
    public String name() {
        return "models";
    }

    @Override
    public String category() {
        return "🎛️ Presets";
    }

    @Override
    public SlashCommandData definition() {
        return Commands.slash("models", "The models the provider offers").addSubcommands(
                new SubcommandData("browse", "Browse the provider's models").addOptions(
                        new OptionData(OptionType.STRING, "query", "Only ids or names containing this", false),
                        new OptionData(OptionType.STRING, "filter", "Which models", false).addChoice("All", "all")
                                .addChoice("Free", "free").addChoice("Vision (accept images)", "vision"),
                        new OptionData(OptionType.INTEGER, "min-context", "Smallest context window, in tokens", false)
                                .setMinValue(0).setMaxValue(10_000_000)),
                new SubcommandData("view", "One model's details").addOptions(
                        new OptionData(OptionType.STRING, "model", "The model id", true, true)));
    }

    @Override
    public void run(CommandCall call) {
        switch (call.path()) {
            case "models browse" -> {
                String filter = call.option("filter").orElse("all");
                long min = call.option("min-context").map(Long::parseLong).orElse(0L);
                call.answer(browse.first(call.caller(), filter + "-" + min, call.option("query").orElse("")));
            }
            case "models view" -> call.answer(new MessageEditBuilder().setEmbeds(card(models.view(
                    call.option("model").orElse("")))).build());
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteCall call) {
        return models.list(BrowsingModels.Filter.ALL, 0, call.typed()).stream().limit(25)
                .map(m -> new Command.Choice(truncate(badges(m) + m.name() + " (" + m.id() + ")", 100),
                        truncate(m.id(), 100))).toList();
    }

    @Override
    public void component(ComponentCall call) {
        if (!browse.handles(call)) {
            throw new CommandFailure("Unknown interaction!");
        }
        browse.handle(call, (c, id, back) -> c.update(new MessageEditBuilder().setContent("").setEmbeds(card(models.view(id)))
                .setComponents(ActionRow.of(Button.secondary("models::browse::" + back, "◀️ Back to Browse"))).build()));
    }

    private static MessageEmbed card(ModelInfo m) {
        return new EmbedBuilder().setTitle(badges(m) + m.name()).setColor(0x5865F2).setDescription("`" + m.id() + "`")
                .addField("Context window", m.contextLength() > 0 ? m.contextLength() + " tokens" : "not stated", true)
                .addField("Images", m.vision() ? "accepted" : "text only", true)
                .addField("Cost", m.free() ? "🆓 free" : "paid", true).build();
    }

    private static String badges(ModelInfo m) {
        return (m.free() ? "🆓 " : "") + (m.vision() ? "👁️ " : "");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** The filter is {@code {all|free|vision}-{minimum context}}. */
    private final class Catalogue implements BrowseSpec<ModelInfo> {

        @Override
        public String prefix() {
            return "models";
        }

        @Override
        public String title() {
            return "🧠 Models";
        }

        @Override
        public List<String> filters() {
            return List.of("all-0");
        }

        @Override
        public boolean accepts(String filter) {
            return filter.matches("(all|free|vision)-\\d{1,8}");
        }

        @Override
        public String describe(String filter) {
            String[] parts = filter.split("-", 2);
            return parts[0] + (parts.length > 1 && !parts[1].equals("0") ? ", at least " + parts[1] + " tokens" : "");
        }

        @Override
        public List<ModelInfo> items(Caller caller, String filter, String query) {
            String[] parts = filter.split("-", 2);
            BrowsingModels.Filter kind;
            try {
                kind = BrowsingModels.Filter.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = BrowsingModels.Filter.ALL;
            }
            int min;
            try {
                min = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            } catch (NumberFormatException e) {
                min = 0;
            }
            return models.list(kind, min, query);
        }

        @Override
        public String line(ModelInfo m) {
            return badges(m) + "**" + m.name() + "** · `" + m.id() + "`" + (m.contextLength() > 0
                    ? " · " + m.contextLength() / 1000 + "k" : "");
        }

        @Override
        public String label(ModelInfo m) {
            return badges(m) + m.name();
        }

        @Override
        public String value(ModelInfo m) {
            return truncate(m.id(), 100);
        }

        @Override
        public String emptyText(String filter, String query) {
            return "No model matches; the provider may not list its models, or none fits the filter.";
        }
    }
}
