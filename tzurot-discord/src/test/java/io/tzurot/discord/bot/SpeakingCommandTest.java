package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /channel speaking} and {@code /channel ghost} end to end on the simulator (real JDA): an allowlisted server
 * answers only in its listed channels, a denylisted one everywhere but those; slash commands still work in a silent
 * channel; a ghost channel records what is said to a character and never posts or asks the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeakingCommandTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimUser alice;
    private SimUser moderator;
    private SimUser owner;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("speaking-command");
        commands = new CommandScenario(harness.simulator);
        BotHarness.Cast cast = harness.cast("Speaking Home");
        alice = cast.alice();
        harness.verified(alice);
        owner = harness.simulator.world().createMember(cast.guild(), "owner");
        harness.verified(owner);
        harness.serveCommands(s -> s.withBotOwner(Long.toString(owner.id())));
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private SimGuild guild(String name) {
        SimGuild guild = harness.simulator.world().createGuild(name);
        harness.simulator.world().addMember(guild, alice);
        moderator = harness.simulator.world().createMember(guild, "moderator-" + guild.id());
        harness.verified(moderator);
        return guild;
    }

    private SimTextChannel moderated(SimGuild guild, String name) {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, name);
        harness.simulator.world().setMemberOverwrite(channel, moderator, Permissions.MANAGE_MESSAGES, 0);
        return channel;
    }

    private SimMessage ask(SimTextChannel channel, String text) {
        return harness.simulator.users().post(alice, channel, "@Bob " + text);
    }

    @Test
    void anAllowlistedServerAnswersOnlyInItsListedChannels() {
        SimGuild guild = guild("Allowlist Guild");
        SimTextChannel listed = moderated(guild, "listed");
        SimTextChannel other = moderated(guild, "other");
        assertThat(commands.run(moderator, listed, "channel speaking add", Map.of()))
                .startsWith("✅ Listed <#" + listed.id() + ">. Characters speak in **all channels**");
        assertThat(commands.run(moderator, listed, "channel speaking mode", Map.of("mode", "allowlist")))
                .isEqualTo("✅ Characters speak **only in the listed channels** (1).");

        SimMessage unanswered = ask(other, "are you there?");
        ask(listed, "hello in the listed room");
        assertThat(harness.awaitPosts(listed, 1)).extracting(BotActivity.Posted::content)
                .singleElement().satisfies(c -> assertThat(c).startsWith("Bob: hello in the listed room"));
        // slash commands still work where characters are silent, so the choice can be changed in place
        assertThat(commands.run(moderator, other, "channel speaking list", Map.of()))
                .contains("**only in the listed channels** (1)").contains("Listed channels: <#" + listed.id() + ">");
        assertThat(commands.run(moderator, other, "channel speaking mode", Map.of("mode", "all")))
                .isEqualTo("✅ Characters speak in **all channels** of this server.");
        ask(other, "and now?");
        assertThat(harness.awaitPosts(other, 1)).extracting(BotActivity.Posted::content)
                .singleElement().satisfies(c -> assertThat(c).startsWith("Bob: and now?"));
        assertThat(harness.replies.requestFor(unanswered.id())).isEmpty();
    }

    @Test
    void aDenylistedServerAnswersEverywhereButItsListedChannels() {
        SimGuild guild = guild("Denylist Guild");
        SimTextChannel quiet = moderated(guild, "quiet");
        SimTextChannel lively = moderated(guild, "lively");
        assertThat(commands.run(moderator, lively, "channel speaking add", Map.of("channel", Long.toString(quiet.id()))))
                .startsWith("✅ Listed <#" + quiet.id() + ">.");
        assertThat(commands.run(moderator, lively, "channel speaking mode", Map.of("mode", "denylist")))
                .isEqualTo("✅ Characters speak **in all but the listed channels** (1).");

        SimMessage unanswered = ask(quiet, "anyone?");
        ask(lively, "hello lively");
        assertThat(harness.awaitPosts(lively, 1)).hasSize(1);
        assertThat(commands.run(moderator, quiet, "channel speaking remove", Map.of()))
                .startsWith("✅ Unlisted <#" + quiet.id() + ">.");
        ask(quiet, "now?");
        assertThat(harness.awaitPosts(quiet, 1)).extracting(BotActivity.Posted::content)
                .singleElement().satisfies(c -> assertThat(c).startsWith("Bob: now?"));
        assertThat(harness.replies.requestFor(unanswered.id())).isEmpty();
        assertThat(commands.run(moderator, quiet, "channel speaking remove", Map.of()))
                .isEqualTo("❌ Listed channel " + quiet.id() + " was not found.");
    }

    @Test
    void aGhostChannelRecordsTheTurnButNeverPosts() {
        SimGuild guild = guild("Ghost Guild");
        SimTextChannel haunted = moderated(guild, "haunted");
        assertThat(commands.run(moderator, haunted, "channel ghost enable", Map.of()))
                .startsWith("👻 Ghost mode is on in <#" + haunted.id() + ">");
        assertThat(commands.run(moderator, haunted, "channel ghost status", Map.of()))
                .startsWith("👻 <#" + haunted.id() + "> is in ghost mode");

        SimMessage ghostly = ask(haunted, "the gate code is 4512");
        // the message is decided on a worker thread: ghost mode stays on until its turn is recorded
        await().atMost(BotHarness.PATIENCE).until(() -> harness.history.findByDiscordMessageId(
                Long.toString(ghostly.id())).isPresent());
        assertThat(commands.run(moderator, haunted, "channel ghost disable", Map.of()))
                .startsWith("✅ Ghost mode is off in <#" + haunted.id() + ">");
        ask(haunted, "what was the code?");
        assertThat(harness.awaitPosts(haunted, 1)).extracting(BotActivity.Posted::content)
                .singleElement().satisfies(c -> assertThat(c).startsWith("Bob: what was the code?"));

        assertThat(harness.replies.requestFor(ghostly.id())).isEmpty();
        HistoryMessage recorded = harness.history.findByDiscordMessageId(Long.toString(ghostly.id())).orElseThrow();
        assertThat(recorded.role()).isEqualTo(HistoryRole.USER);
        assertThat(recorded.content()).isEqualTo("the gate code is 4512");
        assertThat(recorded.channelId()).isEqualTo(Long.toString(haunted.id()));
        assertThat(commands.run(moderator, haunted, "channel ghost status", Map.of()))
                .isEqualTo("📍 <#" + haunted.id() + "> is not in ghost mode.");
    }
}
