package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Slash commands, subcommands, deferral, ephemeral answers, buttons, autocomplete and modals through JDA. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaSimulatorInteractionTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimulatedBot bot;
    private SimGuild guild;
    private SimUser alice;
    private SimTextChannel channel;

    /** A bot in Tzurot's style: answers are deferred and mostly ephemeral; ids are prefixed by command. */
    private static final class CommandBot extends ListenerAdapter {

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            switch (event.getFullCommandName()) {
                case "ping" -> event.reply("pong for " + event.getUser().getName()).queue();
                case "panel" -> event.reply("Panel").addComponents(ActionRow.of(
                        Button.primary("panel::refresh", "Refresh"))).queue();
                case "character view" -> {
                    String name = event.getOption("character", o -> o.getAsString());
                    long page = event.getOption("page", 1L, o -> o.getAsLong());
                    event.deferReply(true).queue(hook -> hook.editOriginal("Viewing " + name + ", page " + page)
                            .queue(done -> hook.sendMessage("visible follow-up").setEphemeral(false).queue()));
                }
                case "character create" -> event.replyModal(Modal.create("character::seed", "New character")
                        .addComponents(Label.of("Name", TextInput.create("name", TextInputStyle.SHORT).build()))
                        .build()).queue();
                default -> event.reply("Unknown command").setEphemeral(true).queue();
            }
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.editMessage("Panel refreshed by " + event.getUser().getName()).queue();
        }

        @Override
        public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
            String typed = event.getFocusedOption().getValue();
            event.replyChoiceStrings(List.of("lilith", "lila", "bambi").stream()
                    .filter(n -> n.startsWith(typed)).toList()).queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            event.reply("Created " + event.getValue("name").getAsString()).queue();
        }
    }

    @BeforeAll
    void connect() throws InterruptedException {
        fixture = new SimulatorFixture("Interaction Guild");
        simulator = fixture.simulator;
        guild = fixture.guild;
        alice = fixture.alice;
        channel = simulator.world().createTextChannel(guild, "commands");
        bot = fixture.connect(new CommandBot());
        bot.jda().updateCommands().addCommands(
                Commands.slash("ping", "Replies with pong"),
                Commands.slash("panel", "Shows a panel"),
                Commands.slash("character", "Characters").addSubcommands(
                        new SubcommandData("view", "View a character")
                                .addOption(OptionType.STRING, "character", "Which one", true, true)
                                .addOption(OptionType.INTEGER, "page", "Page", false),
                        new SubcommandData("create", "Create a character"))).complete();
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        fixture.close();
    }

    @Test
    void aSlashCommandReplyIsPostedInTheChannel() {
        long interaction = simulator.users().slashCommand(alice, channel, "ping", Map.of());

        answered(interaction);
        assertThat(simulator.botPosts()).anySatisfy(p -> {
            assertThat(p.content()).isEqualTo("pong for alice");
            assertThat(p.channelId()).isEqualTo(channel.id());
        });
    }

    @Test
    void aDeferredEphemeralSubcommandIsEditedPrivatelyAndFollowedUpPublicly() {
        long interaction = simulator.users().slashCommand(alice, channel, "character view",
                Map.of("character", "lilith", "page", "2"));

        await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.botPosts().stream()
                .anyMatch(p -> p.content().equals("visible follow-up")));
        assertThat(answered(interaction).callbackType()).isEqualTo(5);
        assertThat(simulator.activity()).filteredOn(BotActivity.Ephemeral.class::isInstance)
                .map(a -> ((BotActivity.Ephemeral) a))
                .filteredOn(e -> e.interactionId() == interaction)
                .extracting(e -> e.message().content()).containsExactly("Viewing lilith, page 2");
        assertThat(simulator.messagesIn(channel)).extracting(SimMessage::content)
                .doesNotContain("Viewing lilith, page 2");
    }

    @Test
    void aButtonClickUpdatesTheMessageItCameFrom() {
        long command = simulator.users().slashCommand(alice, channel, "panel", Map.of());
        answered(command);
        SimMessage panel = simulator.botPosts().stream().filter(p -> p.content().equals("Panel"))
                .reduce((first, second) -> second).orElseThrow().message();
        assertThat(panel.components().findValue("custom_id").asText()).isEqualTo("panel::refresh");

        long click = simulator.users().clickButton(alice, panel, "panel::refresh");

        assertThat(answered(click).callbackType()).isEqualTo(7);
        assertThat(simulator.message(channel, panel.id()).orElseThrow().content())
                .isEqualTo("Panel refreshed by alice");
    }

    @Test
    void autocompleteOffersChoicesForWhatTheUserTyped() {
        long interaction = simulator.users().autocomplete(alice, channel, "character view", "character",
                Map.of("character", "li"));

        BotActivity.InteractionAnswered answer = answered(interaction);
        assertThat(answer.callbackType()).isEqualTo(8);
        assertThat(answer.data().path("choices")).extracting(c -> c.path("value").asText())
                .containsExactly("lilith", "lila");
    }

    @Test
    void aModalIsOpenedAndItsSubmissionAnswered() {
        long command = simulator.users().slashCommand(alice, channel, "character create", Map.of());
        BotActivity.InteractionAnswered modal = answered(command);
        assertThat(modal.callbackType()).isEqualTo(9);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("character::seed");

        long submit = simulator.users().submitModal(alice, channel, "character::seed", Map.of("name", "Bambi"));

        answered(submit);
        assertThat(simulator.botPosts()).anySatisfy(p -> assertThat(p.content()).isEqualTo("Created Bambi"));
    }

    private BotActivity.InteractionAnswered answered(long interactionId) {
        return await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.activity().stream()
                .filter(BotActivity.InteractionAnswered.class::isInstance)
                .map(BotActivity.InteractionAnswered.class::cast)
                .filter(a -> a.interactionId() == interactionId).findFirst(), Optional::isPresent).orElseThrow();
    }
}
