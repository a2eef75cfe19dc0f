package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * {@code /deny} through the whole product (real JDA, the simulator, the real engine; read from the prompt the fake
 * model received): a member with Manage Messages mutes a user; the muted user's mention gets no reply and no model
 * call, but what they said is in the next prompt of another user in that channel; after {@code /deny remove} they
 * are answered again.
 */
class DenyCommandsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Ferry Guild").characters("Ada");

    @Test
    void aMutedUserIsNotAnsweredButTheirWordsReachTheNextPrompt() {
        DiscordApp app = scene.app;
        SimTextChannel channel = scene.channel("harbour");
        SimUser moderator = app.simulator.world().createMember(scene.guild, "moderator");
        SimUser quiet = app.simulator.world().createMember(scene.guild, "quiet");
        app.verified(moderator);
        app.verified(quiet);
        app.simulator.world().setMemberOverwrite(channel, moderator, Permissions.MANAGE_MESSAGES, 0);

        assertThat(answer(app.simulator.users().slashCommand(moderator, channel, "deny add",
                Map.of("target", "<@" + quiet.id() + ">", "mode", "mute"))))
                .startsWith("✅ Muted <@" + quiet.id() + "> in server `" + scene.guild.id() + "`, permanently.");

        app.model.enqueue(FakeReply.text("At noon, I hear."), FakeReply.text("Hello again."));
        app.simulator.users().post(quiet, channel, "@Ada the ferry leaves at noon sharp");
        app.simulator.users().post(scene.alice, channel, "@Ada when does the ferry leave?");
        app.awaitPosts(channel, 1);

        assertThat(DiscordScene.systemPrompt(scene.lastChat())).contains("the ferry leaves at noon sharp");
        assertThat(scene.lastChat().lastUserText()).contains("when does the ferry leave?");
        assertThat(app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions"))
                .filter(r -> r.lastUserText().contains("noon sharp"))).isEmpty();
        assertThat(app.postsIn(channel)).hasSize(1);

        assertThat(answer(app.simulator.users().slashCommand(moderator, channel, "deny remove",
                Map.of("target", Long.toString(quiet.id()))))).isEqualTo("✅ Lifted 1 denial of <@" + quiet.id() + ">.");
        app.simulator.users().post(quiet, channel, "@Ada may I speak now?");
        app.awaitPosts(channel, 2);
        assertThat(scene.lastChat().lastUserText()).contains("may I speak now?");
    }

    private static String answer(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }
}
