package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.modals.Modal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the control plane needs from the simulator, through real JDA: global and guild registration, attachment
 * options, dashboards on ephemeral messages (buttons, modals opened from them, in-place updates), message context
 * commands, DM interactions and the member's permissions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaSimulatorControlPlaneTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimulatedBot bot;
    private SimGuild guild;
    private SimGuild otherGuild;
    private SimUser alice;
    private SimTextChannel channel;
    private SimTextChannel otherChannel;

    private static final class ControlBot extends ListenerAdapter {

        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            switch (event.getFullCommandName()) {
                case "upload" -> {
                    Message.Attachment file = event.getOption("image", o -> o.getAsAttachment());
                    event.deferReply(true).queue(hook -> file.getProxy().download().thenAccept(in -> {
                        try (in) {
                            hook.editOriginal(file.getFileName() + " " + new String(in.readAllBytes(),
                                    StandardCharsets.UTF_8)).queue();
                        } catch (java.io.IOException e) {
                            hook.editOriginal("failed").queue();
                        }
                    }));
                }
                case "perms" -> event.reply(event.isFromGuild()
                        ? "manage=" + event.getMember().hasPermission(event.getGuildChannel(),
                                net.dv8tion.jda.api.Permission.MESSAGE_MANAGE)
                        : "dm " + event.getUser().getName()).setEphemeral(true).queue();
                case "dash" -> event.deferReply(true).queue(hook -> hook.editOriginal("Dashboard v1")
                        .setComponents(ActionRow.of(Button.primary("dash::edit", "Edit"))).queue());
                case "guildonly" -> event.reply("guild command").setEphemeral(true).queue();
                default -> event.reply("?").setEphemeral(true).queue();
            }
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            event.replyModal(Modal.create("dash::modal", "Edit").addComponents(Label.of("Name",
                    TextInput.create("name", TextInputStyle.SHORT).build())).build()).queue();
        }

        @Override
        public void onModalInteraction(ModalInteractionEvent event) {
            String name = event.getValue("name").getAsString();
            event.deferEdit().queue(hook -> hook.editOriginal("Dashboard: " + name).queue());
        }

        @Override
        public void onMessageContextInteraction(MessageContextInteractionEvent event) {
            event.reply("inspected " + event.getTarget().getContentRaw()).setEphemeral(true).queue();
        }
    }

    @BeforeAll
    void connect() throws InterruptedException {
        fixture = new SimulatorFixture("Control Guild");
        simulator = fixture.simulator;
        guild = fixture.guild;
        alice = fixture.alice;
        channel = simulator.world().createTextChannel(guild, "control");
        otherGuild = simulator.world().createGuild("Other Guild");
        simulator.world().addMember(otherGuild, alice);
        otherChannel = simulator.world().createTextChannel(otherGuild, "elsewhere");
        bot = fixture.connect(new ControlBot());
        bot.jda().updateCommands().addCommands(
                Commands.slash("upload", "Upload").addOption(OptionType.ATTACHMENT, "image", "A file", true),
                Commands.slash("perms", "Permissions"),
                Commands.slash("dash", "Dashboard"),
                Commands.message("Inspect Message")).complete();
        bot.jda().getGuildById(guild.id()).updateCommands().addCommands(
                Commands.slash("guildonly", "Only here")).complete();
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void globalAndGuildCommandsAreRegisteredSeparately() {
        assertThat(simulator.registeredCommands()).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrder("upload", "perms", "dash", "Inspect Message");
        assertThat(simulator.registeredGuildCommands(guild)).extracting(c -> c.path("name").asText())
                .containsExactly("guildonly");

        long here = simulator.users().slashCommand(alice, channel, "guildonly", Map.of());
        assertThat(ephemeralText(here)).isEqualTo("guild command");
        assertThatThrownBy(() -> simulator.users().slashCommand(alice, otherChannel, "guildonly", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not registered");
    }

    @Test
    void anAttachmentOptionArrivesResolvedAndDownloadable() {
        SimAttachment file = simulator.users().attachment("avatar.png", "image/png",
                "pixels".getBytes(StandardCharsets.UTF_8));

        long id = simulator.users().slashCommand(alice, channel, "upload", Map.of(), Map.of("image", file));

        assertThat(ephemeralText(id)).isEqualTo("avatar.png pixels");
    }

    @Test
    void memberPermissionsAndDmInteractionsReachTheBot() {
        SimUser mod = simulator.world().createMember(guild, "mod");
        simulator.world().setMemberRoles(guild, mod,
                simulator.world().createRole(guild, "mods", Permissions.MANAGE_MESSAGES));
        SimDmChannel dm = simulator.world().dmChannel(alice);

        assertThat(ephemeralText(simulator.users().slashCommand(mod, channel, "perms", Map.of())))
                .isEqualTo("manage=true");
        assertThat(ephemeralText(simulator.users().slashCommand(alice, channel, "perms", Map.of())))
                .isEqualTo("manage=false");
        assertThat(ephemeralText(simulator.users().slashCommand(alice, dm, "perms", Map.of())))
                .isEqualTo("dm alice");
    }

    @Test
    void aModalOpenedFromAnEphemeralDashboardUpdatesItInPlace() {
        long command = simulator.users().slashCommand(alice, channel, "dash", Map.of());
        SimMessage dashboard = await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.ephemeralsFor(command),
                l -> !l.isEmpty()).get(0);
        assertThat(simulator.messagesIn(channel)).extracting(SimMessage::id).doesNotContain(dashboard.id());

        long click = simulator.users().clickButton(alice, dashboard, "dash::edit");
        assertThat(answered(click).callbackType()).isEqualTo(9);
        simulator.users().submitModal(alice, dashboard, "dash::modal", Map.of("name", "Bambi"));

        await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.ephemeral(dashboard.id())
                .map(SimMessage::content), Optional.of("Dashboard: Bambi")::equals);
    }

    @Test
    void aMessageContextCommandCarriesItsTarget() {
        SimMessage target = simulator.users().post(alice, channel, "look at me");

        long id = simulator.users().messageCommand(alice, target, "Inspect Message");

        assertThat(ephemeralText(id)).isEqualTo("inspected look at me");
    }

    private String ephemeralText(long interaction) {
        List<SimMessage> messages = await().atMost(SimulatedBot.PATIENCE)
                .until(() -> simulator.ephemeralsFor(interaction), l -> !l.isEmpty()
                        && !l.get(l.size() - 1).content().isEmpty());
        return messages.get(messages.size() - 1).content();
    }

    private BotActivity.InteractionAnswered answered(long interactionId) {
        return await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.answer(interactionId), Optional::isPresent)
                .orElseThrow();
    }
}
