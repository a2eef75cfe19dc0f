package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * History that stays true (spec/discord.md §1.8 step 6, §1.13), through real JDA against the simulator: the
 * user's turn is stored as the reply starts, a delivered reply's row carries its Discord ids, and a reply to a
 * message already in history quotes it as a short stub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordHistoryTruthTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Harbour House").characters("Ada", "Sam");

    private SimUser bob;

    @BeforeAll
    void start() {
        bob = scene.app.simulator.world().createMember(scene.guild, "bob");
        scene.app.verified(bob);
    }

    @Test
    void aMessageSentWhileAnotherReplyIsBeingGeneratedSeesTheEarlierTurn() {
        SimTextChannel channel = scene.channel("gate");
        // Ada's answer is held back, so Sam is asked while Ada's reply is still being generated
        scene.app.model.enqueue(FakeReply.text("I will remember it.").after(Duration.ofSeconds(4)),
                FakeReply.text("Alice said 4417."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada the gate code is 4417");
        awaitChat("the gate code is 4417");

        scene.app.simulator.users().post(bob, channel, "@Sam what is the gate code?");

        RecordedRequest sams = awaitChat("what is the gate code?");
        assertThat(DiscordScene.systemPrompt(sams))
                .containsPattern("role=\"user\" t=\"[^\"]+\">the gate code is 4417</message>");
        scene.app.awaitPosts(channel, 2);
    }

    @Test
    void aDeliveredReplyIsStoredWithItsDiscordMessageIds() {
        SimTextChannel channel = scene.channel("ids");
        scene.app.model.enqueue(FakeReply.text("The tide is high."));
        SimMessage asked = scene.app.simulator.users().post(scene.alice, channel, "@Ada how is the tide?");
        long posted = scene.app.awaitPosts(channel, 1).get(0).message().id();

        HistoryMessage reply = Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> scene.app.repos.history().findByDiscordMessageId(Long.toString(posted)), Optional::isPresent)
                .orElseThrow();
        assertThat(reply.role()).isEqualTo(HistoryRole.ASSISTANT);
        assertThat(reply.content()).isEqualTo("The tide is high.");
        HistoryMessage question = scene.app.repos.history().findByDiscordMessageId(Long.toString(asked.id())).orElseThrow();
        assertThat(question.role()).isEqualTo(HistoryRole.USER);
        assertThat(question.content()).isEqualTo("how is the tide?");
    }

    @Test
    void aReplyToACharactersPostQuotesItAsAStubNotASecondFullCopy() {
        SimTextChannel channel = scene.channel("stubs");
        String answer = "The lighthouse keeper keeps the spare key in a tin box under the third step of the spiral "
                + "stair, behind the loose brick that nobody ever bothers to check.";
        scene.app.model.enqueue(FakeReply.text(answer), FakeReply.text("Yes, the third step."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada where is the spare key?");
        SimMessage posted = scene.app.awaitPosts(channel, 1).get(0).message();
        Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> scene.app.repos.history().findByDiscordMessageId(Long.toString(posted.id())), Optional::isPresent);

        scene.app.simulator.users().reply(scene.alice, channel, posted, "are you sure about that?");

        RecordedRequest second = awaitChat("are you sure about that?");
        String system = DiscordScene.systemPrompt(second);
        assertThat(system).contains("full message is in the conversation above")
                .contains(answer.substring(0, 100) + "...");
        // the whole answer appears once: as Ada's turn in the chat log
        assertThat(system.split(java.util.regex.Pattern.quote(answer), -1)).hasSize(2);
        scene.app.awaitPosts(channel, 2);
    }

    private RecordedRequest awaitChat(String lastUserText) {
        return Awaitility.await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.model.requests().stream()
                        .filter(r -> r.path().endsWith("/chat/completions"))
                        .filter(r -> r.lastUserText().contains(lastUserText)).toList(), list -> !list.isEmpty())
                .get(0);
    }
}
