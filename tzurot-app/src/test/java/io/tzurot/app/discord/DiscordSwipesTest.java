package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Regenerate, swipes and delete by reaction (issue 17), through real JDA against the simulator: 🔄 edits the
 * webhook message and history and memory keep only the chosen version, ◀ ▶ move between versions (a version with
 * more or fewer chunks posts or deletes the difference), 🗑 deletes the reply and its turn, and a stranger's
 * reaction changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordSwipesTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Swipe Inn").characters("Ada");

    private SimUser bob;
    private SimUser mod;
    private UUID alicePersona;

    @BeforeAll
    void start() {
        bob = scene.app.simulator.world().createMember(scene.guild, "bob");
        scene.app.verified(bob);
        mod = scene.app.simulator.world().createMember(scene.guild, "mod");
        SimRole mods = scene.app.simulator.world().createRole(scene.guild, "mods", Permissions.MANAGE_MESSAGES);
        scene.app.simulator.world().setMemberRoles(scene.guild, mod, mods);
        User alice = scene.app.verified(scene.alice);
        alicePersona = scene.app.repos.users().findById(alice.id()).map(User::defaultPersonaId).orElseThrow();
    }

    @Test
    void regenerateEditsTheMessageAndHistoryAndMemoryKeepOnlyTheChosenVersion() {
        SimTextChannel channel = scene.channel("regen");
        scene.app.model.enqueue(FakeReply.text("The first tale is about a fox."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada tell me a tale");
        SimMessage reply = scene.app.awaitPosts(channel, 1).get(0).message();
        awaitRow(reply, "The first tale is about a fox.");
        awaitMemories(channel, List.of("The first tale is about a fox."));

        scene.app.model.enqueue(FakeReply.text("The second tale is about a crow."));
        scene.app.simulator.users().react(scene.alice, reply, "🔄");

        awaitContent(channel, reply, "The second tale is about a crow.");
        assertThat(scene.app.postsIn(channel)).hasSize(1); // edited in place, nothing new posted
        awaitRow(reply, "The second tale is about a crow.");
        awaitMemories(channel, List.of("The second tale is about a crow."));
        RecordedRequest again = chats("tell me a tale", 2).get(1);
        assertThat(DiscordScene.systemPrompt(again)).doesNotContain("a fox"); // the old text is not in its own prompt
        // the handled reaction is taken off again, so 🔄 works as a button next time
        Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.reactions(reply).isEmpty());

        scene.app.model.enqueue(FakeReply.text("It flew away."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada and then?");
        String next = DiscordScene.systemPrompt(chats("and then?", 1).get(0));
        assertThat(next).contains("The second tale is about a crow.").doesNotContain("a fox");
        scene.app.awaitPosts(channel, 2);
    }

    @Test
    void arrowsMoveBetweenVersionsPostingOrDeletingTheChunksThatDiffer() {
        SimTextChannel channel = scene.channel("arrows");
        StringBuilder tale = new StringBuilder();
        for (int night = 1; night <= 60; night++) {
            tale.append("On night ").append(night).append(" the keeper counted ").append(night * 37)
                    .append(" waves and wrote them down. ");
        }
        String longTale = tale.toString().strip();
        scene.app.model.enqueue(FakeReply.text(longTale));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada a long tale please");
        List<SimMessage> chunks = scene.app.awaitPosts(channel, 2).stream().map(p -> p.message()).toList();
        SimMessage first = chunks.get(0);
        awaitRow(first, longTale);

        scene.app.model.enqueue(FakeReply.text("Short tale."));
        scene.app.simulator.users().react(scene.alice, first, "🔄");
        awaitContent(channel, first, "Short tale.");
        Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> scene.app.simulator.message(channel, chunks.get(1).id()).isEmpty());
        assertThat(awaitRow(first, "Short tale.").discordMessageIds()).containsExactly(Long.toString(first.id()));
        awaitMemories(channel, List.of("Short tale."));

        scene.app.simulator.users().react(scene.alice, first, "◀");

        awaitContent(channel, first, longTale.substring(0, 200));
        HistoryMessage back = awaitRow(first, longTale);
        assertThat(back.discordMessageIds()).hasSize(2); // the second chunk was posted again
        assertThat(scene.app.simulator.message(channel, Long.parseLong(back.discordMessageIds().get(1)))).isPresent();
        awaitMemories(channel, List.of(longTale));

        scene.app.simulator.users().react(scene.alice, first, "▶");

        awaitContent(channel, first, "Short tale.");
        assertThat(awaitRow(first, "Short tale.").discordMessageIds()).hasSize(1);
        awaitMemories(channel, List.of("Short tale."));
    }

    @Test
    void theRequesterOrAModeratorDeletesTheReplyAndItsTurnButNotTheQuestion() {
        SimTextChannel channel = scene.channel("bin");
        scene.app.model.enqueue(FakeReply.text("A reply to delete."), FakeReply.text("A reply a moderator deletes."));
        SimMessage asked = scene.app.simulator.users().post(scene.alice, channel, "@Ada say something");
        SimMessage reply = scene.app.awaitPosts(channel, 1).get(0).message();
        awaitRow(reply, "A reply to delete.");

        scene.app.simulator.users().react(scene.alice, reply, "🗑");

        Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> scene.app.simulator.message(channel, reply.id()).isEmpty());
        Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.repos.history()
                .findByDiscordMessageId(Long.toString(reply.id())).isEmpty());
        assertThat(scene.app.repos.history().findByDiscordMessageId(Long.toString(asked.id()))).isPresent();

        scene.app.simulator.users().post(scene.alice, channel, "@Ada say more");
        SimMessage second = scene.app.awaitPosts(channel, 2).get(1).message();
        awaitRow(second, "A reply a moderator deletes.");
        scene.app.simulator.users().react(mod, second, "🗑");
        Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> scene.app.simulator.message(channel, second.id()).isEmpty());
    }

    @Test
    void aStrangersReactionsChangeNothingAndAreTakenOff() {
        SimTextChannel channel = scene.channel("stranger");
        scene.app.model.enqueue(FakeReply.text("Only Alice may change this."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada guard this");
        SimMessage reply = scene.app.awaitPosts(channel, 1).get(0).message();
        awaitRow(reply, "Only Alice may change this.");
        int calls = scene.app.model.requests().size();

        scene.app.simulator.users().react(bob, reply, "🔄");
        scene.app.simulator.users().react(bob, reply, "🗑");

        Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.reactions(reply).isEmpty());
        assertThat(scene.app.simulator.message(channel, reply.id())).map(SimMessage::content)
                .hasValueSatisfying(c -> assertThat(c).startsWith("Only Alice may change this."));
        assertThat(scene.app.model.requests()).hasSize(calls);
        assertThat(scene.app.repos.history().findByDiscordMessageId(Long.toString(reply.id())))
                .map(HistoryMessage::content).contains("Only Alice may change this.");
    }

    private HistoryMessage awaitRow(SimMessage message, String content) {
        return Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> scene.app.repos.history().findByDiscordMessageId(Long.toString(message.id()))
                        .filter(r -> r.content().equals(content)), Optional::isPresent).orElseThrow();
    }

    private void awaitContent(SimTextChannel channel, SimMessage message, String start) {
        Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.message(channel, message.id())
                .map(SimMessage::content).filter(c -> c.startsWith(start)).isPresent());
    }

    /** Waits until Ada's memories of {@code channel} are exactly one per exchange, holding these replies. */
    private void awaitMemories(SimTextChannel channel, List<String> replies) {
        Personality ada = scene.character("Ada");
        Awaitility.await().atMost(DiscordApp.PATIENCE).untilAsserted(() -> {
            List<String> mine = scene.app.repos.memories().list(alicePersona, Optional.of(ada.id()), 0, 100).items()
                    .stream().filter(m -> Long.toString(channel.id()).equals(m.channelId())).map(Memory::content).toList();
            assertThat(mine).hasSize(replies.size());
            for (String reply : replies) {
                assertThat(mine).anySatisfy(c -> assertThat(c).contains(reply));
            }
        });
    }

    private List<RecordedRequest> chats(String lastUserText, int count) {
        return Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions"))
                .filter(r -> r.lastUserText().contains(lastUserText)).toList(), list -> list.size() >= count);
    }
}
