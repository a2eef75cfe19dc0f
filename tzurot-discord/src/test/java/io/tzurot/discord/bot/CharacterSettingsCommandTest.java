package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /character settings} end to end on the simulator with real JDA: the owner edits the character's own
 * settings tier on the dashboard (typed values, {@code auto} to inherit again), sees where each resolved value
 * comes from, gets a clear error for a bad value, and nobody else may open or replay it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacterSettingsCommandTest {

    private static final String MODAL = "character-settings::modal::tuned::history";

    private BotHarness harness;
    private CommandScenario commands;
    private SimUser alice;
    private SimUser bob;
    private SimTextChannel channel;
    private Personality tuned;

    @BeforeAll
    void start() {
        harness = BotHarness.withCommands("character-settings", UnaryOperator.identity());
        commands = new CommandScenario(harness.simulator);
        SimGuild guild = harness.simulator.world().createGuild("Settings Guild");
        alice = harness.simulator.world().createMember(guild, "alice");
        bob = harness.simulator.world().createMember(guild, "bob");
        harness.verified(bob);
        channel = harness.simulator.world().createTextChannel(guild, "dials");
        tuned = harness.character(alice, "tuned", "Tuned", null, true);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theOwnerSetsTheCharactersTierAndCanInheritAgain() {
        SimMessage dashboard = commands.ephemeral(harness.simulator.users().slashCommand(alice, channel,
                "character settings", Map.of("character", "tuned")));
        assertThat(CommandScenario.text(dashboard)).contains("⚙️ Settings: Tuned").contains("Max messages: **50**"
                + " (built-in)").contains("Max age: **off** (built-in)").contains("📜 History 🔧");

        long open = harness.simulator.users().selectOptions(alice, dashboard, "character-settings::menu::tuned",
                "edit-history");
        BotActivity.InteractionAnswered modal = commands.answer(open);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo(MODAL);
        harness.simulator.users().submitModal(alice, dashboard, MODAL, Map.of("maxMessages", "12", "maxAge", "2h",
                "maxImages", ""));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("Max messages: **12** (set here)"));
        assertThat(CommandScenario.text(harness.simulator.ephemeral(dashboard.id()).orElseThrow()))
                .contains("Max age: **2h** (set here)").contains("Max images: **10** (built-in)")
                .contains("📜 History ✏️").contains("🧠 Memory 🔧");
        ConfigOverrides tier = harness.personalities.configDefaults(tuned.id());
        assertThat(tier.get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(12));
        assertThat(tier.get(SettingKey.MAX_AGE)).isEqualTo(TierValue.of(7200));
        assertThat(tier.get(SettingKey.MAX_IMAGES).isPresent()).isFalse();

        long bad = harness.simulator.users().submitModal(alice, dashboard, MODAL, Map.of("maxMessages", "500",
                "maxAge", "", "maxImages", ""));
        assertThat(commands.ephemeralText(bad)).isEqualTo("❌ maxMessages must be an integer from 1 to 100, got 500.");
        assertThat(harness.personalities.configDefaults(tuned.id()).get(SettingKey.MAX_MESSAGES))
                .isEqualTo(TierValue.of(12));

        harness.simulator.users().submitModal(alice, dashboard, MODAL, Map.of("maxMessages", "auto", "maxAge", "off",
                "maxImages", ""));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("Max messages: **50** (built-in)"));
        tier = harness.personalities.configDefaults(tuned.id());
        assertThat(tier.get(SettingKey.MAX_MESSAGES).isPresent()).isFalse();
        assertThat(tier.get(SettingKey.MAX_AGE)).isEqualTo(TierValue.cleared());
    }

    @Test
    void nobodyElseOpensOrReplaysIt() {
        assertThat(commands.choices(bob, channel, "character settings", "character", "tun")).doesNotContain("tuned");
        assertThat(commands.run(bob, channel, "character settings", Map.of("character", "tuned")))
                .isEqualTo("❌ Only the owner of 'tuned' may change it.");
        long forged = harness.simulator.users().submitModal(bob, channel, MODAL, Map.of("maxMessages", "1",
                "maxAge", "", "maxImages", ""));
        assertThat(commands.ephemeralText(forged)).isEqualTo("❌ Only the owner of 'tuned' may change it.");
        assertThat(harness.personalities.configDefaults(tuned.id()).get(SettingKey.MAX_MESSAGES))
                .isNotEqualTo(TierValue.of(1));
    }
}
