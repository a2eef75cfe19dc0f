package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /preset create} and {@code /preset edit} end to end on the simulator with real JDA: the creation modal
 * opens the preset's dashboard; a section's modal saves its parameters through the preset use cases; a value out
 * of range is explained and changes nothing; only the creator (or the bot owner) edits, and only the bot owner
 * sees and uses Make Global.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresetCommandTest {

    private BotHarness harness;
    private CommandScenario commands;
    private JdbiPresetRepository presets;
    private SimUser owner;
    private SimUser alice;
    private SimUser bob;
    private SimTextChannel channel;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("preset-commands");
        commands = new CommandScenario(harness.simulator);
        presets = new JdbiPresetRepository(harness.database.jdbi(), Clock.systemUTC());
        SimGuild guild = harness.simulator.world().createGuild("Preset Guild");
        owner = harness.simulator.world().createMember(guild, "owner");
        alice = harness.simulator.world().createMember(guild, "alice");
        bob = harness.simulator.world().createMember(guild, "bob");
        channel = harness.simulator.world().createTextChannel(guild, "tuning");
        harness.serveCommands(s -> s.withBotOwner(Long.toString(owner.id())));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void createThenEditASectionThroughTheDashboard() {
        SimMessage dashboard = create(alice, "Careful", "acme/careful-model");
        assertThat(CommandScenario.text(dashboard)).contains("✅ Created the preset **Careful** (private)")
                .contains("⚙️ Preset: Careful").contains("🎛️ Core Sampling ❌");
        Preset created = byName("Careful");
        String id = created.id().toString();
        assertThat(created.ownerId()).isEqualTo(harness.users.findByDiscordId(Long.toString(alice.id()))
                .orElseThrow().id());
        assertThat(CommandScenario.customIds(dashboard)).contains("preset::menu::" + id, "preset::close::" + id,
                "preset::delete::" + id);

        long open = harness.simulator.users().selectOptions(alice, dashboard, "preset::menu::" + id, "edit-sampling");
        BotActivity.InteractionAnswered modal = commands.answer(open);
        assertThat(modal.callbackType()).isEqualTo(9);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("preset::modal::" + id + "::sampling");
        harness.simulator.users().submitModal(alice, dashboard, "preset::modal::" + id + "::sampling",
                Map.of("temperature", "0.35", "top_p", "0.9", "top_k", "", "max_tokens", "600", "seed", "7"));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("**Temperature (0-2):** 0.35"));
        Preset saved = presets.findById(created.id()).orElseThrow();
        assertThat(saved.advancedParameters().temperature()).isEqualTo(0.35);
        assertThat(saved.advancedParameters().topP()).isEqualTo(0.9);
        assertThat(saved.advancedParameters().topK()).isNull();
        assertThat(saved.advancedParameters().maxTokens()).isEqualTo(600);
        assertThat(saved.advancedParameters().seed()).isEqualTo(7L);

        long tooHot = harness.simulator.users().submitModal(alice, dashboard, "preset::modal::" + id + "::sampling",
                Map.of("temperature", "5", "top_p", "", "top_k", "", "max_tokens", "", "seed", ""));
        assertThat(commands.ephemeralText(tooHot)).isEqualTo("❌ The preset was not changed: temperature must be from"
                + " 0.0 to 2.0.");
        long notANumber = harness.simulator.users().submitModal(alice, dashboard, "preset::modal::" + id
                + "::sampling", Map.of("temperature", "warm", "top_p", "", "top_k", "", "max_tokens", "", "seed", ""));
        assertThat(commands.ephemeralText(notANumber)).isEqualTo("❌ 'temperature' must be a number; got 'warm'.");
        assertThat(presets.findById(created.id()).orElseThrow().advancedParameters().temperature()).isEqualTo(0.35);
    }

    @Test
    void onlyTheCreatorOrTheBotOwnerEditsAndOnlyTheBotOwnerMakesItGlobal() {
        create(alice, "Mine Only", "acme/mine-model");
        String id = byName("Mine Only").id().toString();

        assertThat(commands.run(bob, channel, "preset edit", Map.of("preset", id)))
                .isEqualTo("❌ Preset " + id + " was not found.");
        assertThat(commands.choices(bob, channel, "preset edit", "preset", "mine")).doesNotContain(id);
        assertThat(commands.choices(alice, channel, "preset edit", "preset", "mine")).contains(id);
        SimMessage alices = commands.ephemeral(harness.simulator.users().slashCommand(alice, channel, "preset edit",
                Map.of("preset", id)));
        assertThat(CommandScenario.text(alices)).contains("⚙️ Preset: Mine Only").doesNotContain("Make Global");
        assertThat(alices.components().toString()).doesNotContain("action-toggle-global");
        long forged = harness.simulator.users().selectOptions(alice, alices, "preset::menu::" + id,
                "action-toggle-global");
        assertThat(commands.ephemeralText(forged)).isEqualTo("❌ Only the bot owner may make presets global or private.");

        Preset global = presets.create(harness.verified(bob).id(), PresetDraft.of("Shared", "acme/shared-model")
                .withGlobal(true));
        assertThat(commands.run(alice, channel, "preset edit", Map.of("preset", global.id().toString())))
                .isEqualTo("❌ Only the preset's creator or the bot owner may change it.");

        SimMessage owners = commands.ephemeral(harness.simulator.users().slashCommand(owner, channel, "preset edit",
                Map.of("preset", id)));
        assertThat(owners.components().toString()).contains("action-toggle-global");
        harness.simulator.users().selectOptions(owner, owners, "preset::menu::" + id, "action-toggle-global");
        commands.awaitEphemeral(owners.id(), t -> t.contains("🌐 **Global**"));
        assertThat(presets.findById(UUID.fromString(id)).orElseThrow().isGlobal()).isTrue();
    }

    @Test
    void aTakenNameOrABadModelIsExplainedAndNothingIsCreated() {
        create(alice, "Twice", "acme/twice");
        long again = submitSeed(alice, "Twice", "acme/twice");
        assertThat(commands.ephemeralText(again)).isEqualTo("❌ A preset named 'Twice' already exists; choose another"
                + " name.");
        long badModel = submitSeed(alice, "Bad Model", "not a model id");
        assertThat(commands.ephemeralText(badModel)).startsWith("❌ 'model'");
        assertThat(presets.listSelectableBy(harness.verified(alice).id()).stream().filter(p -> p.name().equals("Bad Model"))).isEmpty();
    }

    private Preset byName(String name) {
        return presets.listSelectableBy(harness.verified(alice).id()).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private SimMessage create(SimUser user, String name, String model) {
        return commands.ephemeral(submitSeed(user, name, model));
    }

    private long submitSeed(SimUser user, String name, String model) {
        long command = harness.simulator.users().slashCommand(user, channel, "preset create", Map.of());
        BotActivity.InteractionAnswered modal = commands.answer(command);
        assertThat(modal.callbackType()).isEqualTo(9);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("preset::seed");
        return harness.simulator.users().submitModal(user, channel, "preset::seed", Map.of("name", name, "model", model));
    }
}
