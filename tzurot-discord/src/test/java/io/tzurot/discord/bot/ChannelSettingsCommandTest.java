package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /channel settings} and {@code /settings defaults edit} on the simulator with real JDA: the one dashboard
 * engine edits the channel's tier (from a thread: its parent's) and the user's own tier; a member without Manage
 * Messages is refused, also when replaying the dashboard's modal; a bad value changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelSettingsCommandTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimGuild guild;
    private SimUser mod;
    private SimUser alice;

    @BeforeAll
    void start() {
        harness = BotHarness.withCommands("channel-settings", UnaryOperator.identity());
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Settings Guild");
        mod = harness.simulator.world().createMember(guild, "mod");
        harness.simulator.world().setMemberRoles(guild, mod,
                harness.simulator.world().createRole(guild, "moderators", Permissions.MANAGE_MESSAGES));
        alice = harness.simulator.world().createMember(guild, "alice");
        harness.verified(mod);
        harness.verified(alice);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aModeratorEditsTheParentChannelsTierFromAThread() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "tuned");
        SimThreadChannel thread = harness.simulator.world().createThread(channel, "side", mod);
        String id = Long.toString(channel.id());

        SimMessage dashboard = commands.ephemeral(harness.simulator.users().slashCommand(mod, thread,
                "channel settings", Map.of()));
        String text = CommandScenario.text(dashboard);
        assertThat(text).contains("⚙️ Settings: this channel").contains("<#" + id + ">")
                .contains("Max messages: **50** (built-in)").contains("📜 History 🔧")
                .doesNotContain("🧠 Memory"); // memory settings stay personal
        assertThat(CommandScenario.customIds(dashboard)).contains("chsettings::menu::" + id, "chsettings::close::" + id);
        assertThat(harness.simulator.messagesIn(thread)).isEmpty(); // ephemeral

        long open = harness.simulator.users().selectOptions(mod, dashboard, "chsettings::menu::" + id, "edit-history");
        BotActivity.InteractionAnswered modal = commands.answer(open);
        assertThat(modal.callbackType()).isEqualTo(9);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("chsettings::modal::" + id + "::history");
        harness.simulator.users().submitModal(mod, dashboard, "chsettings::modal::" + id + "::history",
                Map.of("maxMessages", "5", "maxAge", "2h", "maxImages", ""));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("Max messages: **5** (set here)"));
        assertThat(harness.channels.configOverrides(id)).isEqualTo(ConfigOverrides.EMPTY
                .with(SettingKey.MAX_MESSAGES, TierValue.of(5)).with(SettingKey.MAX_AGE, TierValue.of(7200)));
        assertThat(harness.channels.find(Long.toString(thread.id()))).as("the thread got no row").isEmpty();

        long bad = harness.simulator.users().submitModal(mod, dashboard, "chsettings::modal::" + id + "::history",
                Map.of("maxMessages", "500", "maxAge", "", "maxImages", ""));
        assertThat(commands.ephemeralText(bad)).startsWith("❌ maxMessages must be an integer from 1 to 100");
        assertThat(harness.channels.configOverrides(id).get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(5));

        harness.simulator.users().selectOptions(mod, dashboard, "chsettings::menu::" + id, "action-reset");
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("Max messages: **50** (built-in)"));
        assertThat(harness.channels.configOverrides(id)).isEqualTo(ConfigOverrides.EMPTY);
    }

    @Test
    void aMemberWithoutManageMessagesIsRefusedEvenWithTheDashboardsOwnIds() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "guarded");
        String id = Long.toString(channel.id());

        assertThat(commands.run(alice, channel, "channel settings", Map.of())).startsWith("❌ Only members with the"
                + " Manage Messages permission in this channel");
        long forged = harness.simulator.users().submitModal(alice, channel, "chsettings::modal::" + id + "::history",
                Map.of("maxMessages", "1", "maxAge", "", "maxImages", ""));
        assertThat(commands.ephemeralText(forged)).contains("Manage Messages");
        assertThat(harness.channels.find(id)).isEmpty();

        SimTextChannel other = harness.simulator.world().createTextChannel(guild, "elsewhere");
        long elsewhere = harness.simulator.users().submitModal(mod, other, "chsettings::modal::" + id + "::history",
                Map.of("maxMessages", "1", "maxAge", "", "maxImages", ""));
        assertThat(commands.ephemeralText(elsewhere)).contains("belongs to another channel");
        assertThat(harness.channels.find(id)).isEmpty();
    }

    @Test
    void aUserEditsTheirOwnDefaultsIncludingMemory() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "mine");

        SimMessage dashboard = commands.ephemeral(harness.simulator.users().slashCommand(alice, channel,
                "settings defaults edit", Map.of()));
        assertThat(CommandScenario.text(dashboard)).contains("⚙️ Settings: your defaults").contains("🧠 Memory")
                .contains("Focus mode: **off** (built-in)");

        harness.simulator.users().submitModal(alice, dashboard, "mysettings::modal::me::memory",
                Map.of("memoryLimit", "3", "memoryScoreThreshold", "auto", "focusModeEnabled", "on"));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("Focus mode: **on** (set here)"));
        var user = harness.verified(alice);
        assertThat(harness.users.configDefaults(user.id())).isEqualTo(ConfigOverrides.EMPTY
                .with(SettingKey.MEMORY_LIMIT, TierValue.of(3)).with(SettingKey.FOCUS_MODE_ENABLED, TierValue.of(true)));
        assertThat(harness.users.configDefaults(harness.verified(mod).id())).as("nobody else's").isEqualTo(
                ConfigOverrides.EMPTY);
    }
}
