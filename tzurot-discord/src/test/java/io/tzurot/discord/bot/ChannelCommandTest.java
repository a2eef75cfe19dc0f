package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /channel} end to end on the simulator with real JDA: a member with Manage Messages activates a
 * character, plain messages (and messages in threads under the channel) are answered, they deactivate it; a
 * member without the permission is refused; autocomplete offers only characters the user may see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelCommandTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimGuild guild;
    private SimUser mod;
    private SimUser alice;

    @BeforeAll
    void start() {
        harness = BotHarness.withCommands("channel-commands", UnaryOperator.identity());
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Channel Guild");
        mod = harness.simulator.world().createMember(guild, "mod");
        harness.simulator.world().setMemberRoles(guild, mod,
                harness.simulator.world().createRole(guild, "moderators", Permissions.MANAGE_MESSAGES));
        alice = harness.simulator.world().createMember(guild, "alice");
        harness.verified(mod);
        harness.verified(alice);
        harness.character(alice, "bob", "Bob", null, true);
        SimUser carol = harness.simulator.world().createMember(guild, "carol");
        harness.character(carol, "secret", "Secret Sally", null, false);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theContractCommandsAreRegisteredGlobally() {
        List<JsonNode> registered = harness.simulator.registeredCommands();
        assertThat(registered).extracting(c -> c.path("name").asText()).contains("channel", "chat", "help");
        JsonNode activate = option(registered, "channel", "activate");
        assertThat(activate).as("/channel activate is registered").isNotNull();
        JsonNode character = activate.path("options").get(0);
        assertThat(character.path("name").asText()).isEqualTo("character");
        assertThat(character.path("type").asInt()).isEqualTo(3);
        assertThat(character.path("autocomplete").asBoolean()).isTrue();
        assertThat(character.path("required").asBoolean()).isTrue();
    }

    @Test
    void aModeratorActivatesAndDeactivatesAndThreadsFollowTheChannel() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "bob-room");

        String activated = commands.run(mod, channel, "channel activate", Map.of("character", "bob"));
        assertThat(activated).startsWith("✅ Activated **Bob** in this channel");
        assertThat(harness.simulator.messagesIn(channel)).isEmpty(); // the answer was ephemeral

        harness.simulator.users().post(alice, channel, "hello there");
        BotActivity.Posted reply = harness.awaitPosts(channel, 1).get(0);
        assertThat(reply.webhookUsername()).hasValueSatisfying(name -> assertThat(name).startsWith("Bob"));
        assertThat(reply.content()).startsWith("Bob: hello there");

        SimThreadChannel thread = harness.simulator.world().createThread(channel, "side talk", alice);
        harness.simulator.users().post(alice, thread, "in the thread");
        assertThat(harness.awaitPosts(thread, 1).get(0).content()).startsWith("Bob: in the thread");

        assertThat(commands.run(mod, channel, "channel deactivate", Map.of()))
                .isEqualTo("✅ Deactivated **Bob** in this channel.");
        harness.simulator.users().post(alice, channel, "anyone?");
        harness.simulator.users().post(alice, channel, "@bob still there?");
        List<BotActivity.Posted> posts = harness.awaitPosts(channel, 2);
        // the channel's messages are decided in order, so the mention's answer means "anyone?" was passed over
        assertThat(posts).extracting(BotActivity.Posted::content)
                .noneMatch(c -> c.startsWith("Bob: anyone?"));
        assertThat(posts.get(1).content()).startsWith("Bob: still there?");
        assertThat(commands.run(mod, channel, "channel deactivate", Map.of()))
                .isEqualTo("📍 No character is currently activated in this channel.");
    }

    @Test
    void aMemberWithoutManageMessagesIsRefusedAndNothingChanges() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "locked");

        String refused = commands.run(alice, channel, "channel activate", Map.of("character", "bob"));

        assertThat(refused).startsWith("❌").contains("Manage Messages");
        assertThat(harness.channels.find(Long.toString(channel.id())).map(s -> s.activated()).orElse(List.of()))
                .isEmpty();
        commands.run(mod, channel, "channel activate", Map.of("character", "bob"));
        assertThat(commands.run(alice, channel, "channel deactivate", Map.of())).contains("Manage Messages");
        assertThat(harness.channels.find(Long.toString(channel.id())).orElseThrow().activated()).hasSize(1);
    }

    @Test
    void anotherUsersPrivateCharacterIsNeitherOfferedNorActivated() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "private");

        assertThat(commands.choices(mod, channel, "channel activate", "character", "")).contains("bob")
                .doesNotContain("secret");
        assertThat(commands.choiceLabels(mod, channel, "channel activate", "character", "bo"))
                .containsExactly("🌐 Bob (bob)");
        assertThat(commands.run(mod, channel, "channel activate", Map.of("character", "secret")))
                .isEqualTo("❌ Personality 'secret' was not found.");
    }

    @Test
    void browseListsTheServersActivatedChannels() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "listed");
        commands.run(mod, channel, "channel activate", Map.of("character", "bob"));

        String list = commands.run(alice, channel, "channel browse", Map.of());

        assertThat(list).contains("Activated channels").contains("<#" + channel.id() + "> → **Bob** (`bob`)");
    }

    @Test
    void inDirectMessagesActivationIsExplained() {
        String answer = commands.run(mod, harness.simulator.world().dmChannel(mod), "channel activate",
                Map.of("character", "bob"));

        assertThat(answer).isEqualTo("❌ Characters can be activated only in a server channel.");
    }

    private static JsonNode option(List<JsonNode> registered, String command, String sub) {
        for (JsonNode c : registered) {
            if (c.path("name").asText().equals(command)) {
                for (JsonNode o : c.path("options")) {
                    if (o.path("name").asText().equals(sub)) {
                        return o;
                    }
                }
            }
        }
        return null;
    }
}
