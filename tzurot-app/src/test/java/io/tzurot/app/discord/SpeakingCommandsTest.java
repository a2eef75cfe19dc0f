package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /channel ghost} through the whole product (real JDA, the simulator, the real engine; read from the prompt
 * the fake model received): in a ghost channel a mention is recorded in the character's history with no model call
 * and no post; once ghost mode is off, the next reply's prompt carries that turn.
 */
class SpeakingCommandsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Lantern Guild").characters("Ada");

    @Test
    void aGhostTurnIsRecordedAndReachesTheNextPromptOnceGhostModeIsOff() {
        DiscordApp app = scene.app;
        SimTextChannel channel = scene.channel("crypt");
        SimUser moderator = app.simulator.world().createMember(scene.guild, "warden");
        app.verified(moderator);
        app.simulator.world().setMemberOverwrite(channel, moderator, Permissions.MANAGE_MESSAGES, 0);

        assertThat(answer(app.simulator.users().slashCommand(moderator, channel, "channel ghost enable", Map.of())))
                .startsWith("👻 Ghost mode is on in <#" + channel.id() + ">");
        SimMessage ghostly = app.simulator.users().post(scene.alice, channel, "@Ada the lantern is hidden under the stairs");
        HistoryMessage recorded = await().atMost(DiscordApp.PATIENCE).until(() -> app.repos.history()
                .findByDiscordMessageId(Long.toString(ghostly.id())), java.util.Optional::isPresent).orElseThrow();
        assertThat(recorded.role()).isEqualTo(HistoryRole.USER);
        assertThat(recorded.content()).isEqualTo("the lantern is hidden under the stairs");

        assertThat(answer(app.simulator.users().slashCommand(moderator, channel, "channel ghost disable", Map.of())))
                .startsWith("✅ Ghost mode is off in <#" + channel.id() + ">");
        app.model.enqueue(FakeReply.text("Under the stairs, of course."));
        app.simulator.users().post(scene.alice, channel, "@Ada where is the lantern?");
        app.awaitPosts(channel, 1);

        assertThat(scene.lastChat().lastUserText()).contains("where is the lantern?");
        assertThat(scene.lastChat().body().toString()).contains("the lantern is hidden under the stairs");
        assertThat(app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))).hasSize(1);
        assertThat(app.postsIn(channel)).hasSize(1);
    }

    private static String answer(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }
}
