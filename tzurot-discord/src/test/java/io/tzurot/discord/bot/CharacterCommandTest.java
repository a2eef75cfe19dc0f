package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
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
 * {@code /character} end to end on the simulator with real JDA: a user creates a character through the modal and
 * its dashboard, edits a section and toggles visibility; another user cannot edit it (not through the command,
 * nor by replaying the dashboard's ids), and their autocomplete lists only what they may see; deletion needs
 * the typed confirmation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacterCommandTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimGuild guild;
    private SimUser alice;
    private SimUser bob;
    private SimTextChannel channel;

    @BeforeAll
    void start() {
        harness = BotHarness.withCommands("character-commands", UnaryOperator.identity());
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Character Guild");
        alice = harness.simulator.world().createMember(guild, "alice");
        bob = harness.simulator.world().createMember(guild, "bob");
        channel = harness.simulator.world().createTextChannel(guild, "workshop");
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void createEditToggleVisibilityAndOthersCannotEdit() {
        SimMessage dashboard = create(alice, "Lilith", "lilith");
        assertThat(CommandScenario.text(dashboard)).contains("✅ Created **Lilith** (private)")
                .contains("📝 Editing: Lilith").contains("❤️ Preferences ❌");
        assertThat(CommandScenario.customIds(dashboard)).contains("character::menu::lilith",
                "character::refresh::lilith", "character::close::lilith", "character::delete::lilith");
        assertThat(commands.choices(bob, channel, "character view", "character", "lil")).doesNotContain("lilith");

        long open = harness.simulator.users().selectOptions(alice, dashboard, "character::menu::lilith",
                "edit-preferences");
        BotActivity.InteractionAnswered modal = commands.answer(open);
        assertThat(modal.callbackType()).isEqualTo(9);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("character::modal::lilith::preferences");
        harness.simulator.users().submitModal(alice, dashboard, "character::modal::lilith::preferences",
                Map.of("likes", "old books", "dislikes", "loud noises"));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("old books"));
        Personality saved = harness.personalities.findById(io.tzurot.core.id.DeterministicIds.personality("lilith"))
                .orElseThrow();
        assertThat(saved.likes()).isEqualTo("old books");
        assertThat(saved.dislikes()).isEqualTo("loud noises");

        harness.simulator.users().selectOptions(alice, dashboard, "character::menu::lilith", "action-visibility");
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("**Public**"));
        assertThat(harness.personalities.findById(saved.id()).orElseThrow().isPublic()).isTrue();

        assertThat(commands.choices(bob, channel, "character view", "character", "lil")).contains("lilith");
        assertThat(commands.choices(bob, channel, "character edit", "character", "lil")).doesNotContain("lilith");
        assertThat(commands.run(bob, channel, "character edit", Map.of("character", "lilith")))
                .isEqualTo("❌ Only the owner of 'lilith' may change it.");
        // replaying the dashboard's modal id does not get around the rule either
        long forged = harness.simulator.users().submitModal(bob, channel, "character::modal::lilith::preferences",
                Map.of("likes", "vandalism", "dislikes", ""));
        assertThat(commands.ephemeralText(forged)).isEqualTo("❌ Only the owner of 'lilith' may change it.");
        assertThat(harness.personalities.findById(saved.id()).orElseThrow().likes()).isEqualTo("old books");
        assertThat(commands.run(bob, channel, "character view", Map.of("character", "lilith")))
                .contains("Lilith").contains("old books");
    }

    @Test
    void aTakenOrInvalidSlugIsExplainedAndNothingIsCreated() {
        create(alice, "Taken", "taken-one");

        long again = submitSeed(alice, "Other", "taken-one");
        assertThat(commands.ephemeralText(again)).isEqualTo("❌ The slug 'taken-one' is already taken; choose another.");
        long invalid = submitSeed(alice, "Bad", "Bad Slug!");
        assertThat(commands.ephemeralText(invalid)).startsWith("❌ 'slug' is invalid");
    }

    @Test
    void deletingNeedsTheTypedConfirmation() {
        SimMessage dashboard = create(alice, "Doomed", "doomed");

        harness.simulator.users().clickButton(alice, dashboard, "character::delete::doomed");
        SimMessage warning = commands.awaitEphemeral(dashboard.id(), t -> t.contains("Delete Doomed?"));
        assertThat(CommandScenario.customIds(warning)).containsExactly(
                "character::destructive::confirm_button::delete::doomed",
                "character::destructive::cancel_button::delete::doomed");
        long confirm = harness.simulator.users().clickButton(alice, warning,
                "character::destructive::confirm_button::delete::doomed");
        assertThat(commands.answer(confirm).callbackType()).isEqualTo(9);

        harness.simulator.users().submitModal(alice, warning, "character::destructive::modal_submit::delete::doomed",
                Map.of("confirm", "delete it"));
        commands.awaitEphemeral(dashboard.id(), t -> t.contains("Nothing was deleted"));
        assertThat(harness.personalities.findById(io.tzurot.core.id.DeterministicIds.personality("doomed"))).isPresent();

        harness.simulator.users().submitModal(alice, warning, "character::destructive::modal_submit::delete::doomed",
                Map.of("confirm", "delete"));
        commands.awaitEphemeral(dashboard.id(), t -> t.equals("🗑️ **Doomed** was deleted."));
        assertThat(harness.personalities.findById(io.tzurot.core.id.DeterministicIds.personality("doomed"))).isEmpty();
    }

    @Test
    void browseOpensTheDashboardAndGoesBack() {
        create(alice, "Browsable", "browsable");
        long list = harness.simulator.users().slashCommand(alice, channel, "character browse",
                Map.of("filter", "mine", "query", "brows"));
        SimMessage page = commands.ephemeral(list);
        assertThat(CommandScenario.text(page)).contains("🔒 **Browsable** (`browsable`)");

        harness.simulator.users().selectOptions(alice, page, "character::browse-select::0::mine::brows", "browsable");
        SimMessage opened = commands.awaitEphemeral(page.id(), t -> t.contains("📝 Editing: Browsable"));
        assertThat(CommandScenario.customIds(opened)).contains("character::back::browsable")
                .doesNotContain("character::close::browsable");

        harness.simulator.users().clickButton(alice, opened, "character::back::browsable");
        commands.awaitEphemeral(page.id(), t -> t.contains("🎭 Characters") && t.contains("Browsable"));
    }

    @Test
    void anExpiredDashboardAsksToRunTheCommandAgain() {
        SimMessage dashboard = create(alice, "Fleeting", "fleeting");
        harness.keys.delete("discord:dashboard:character:fleeting:" + alice.id());

        long click = harness.simulator.users().clickButton(alice, dashboard, "character::refresh::fleeting");

        assertThat(commands.ephemeralText(click)).isEqualTo("⏰ Session expired. Please run `/character edit` again.");
    }

    /** Runs /character create, submits the seed modal and returns the dashboard it opens. */
    private SimMessage create(SimUser user, String name, String slug) {
        long submit = submitSeed(user, name, slug);
        return commands.ephemeral(submit);
    }

    private long submitSeed(SimUser user, String name, String slug) {
        long command = harness.simulator.users().slashCommand(user, channel, "character create", Map.of());
        BotActivity.InteractionAnswered modal = commands.answer(command);
        assertThat(modal.callbackType()).isEqualTo(9);
        assertThat(modal.data().path("custom_id").asText()).isEqualTo("character::seed");
        return harness.simulator.users().submitModal(user, channel, "character::seed", Map.of("name", name,
                "slug", slug, "characterInfo", "A character called " + name, "personalityTraits", "curious"));
    }
}
