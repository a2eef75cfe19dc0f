package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a character is shown from Discord, read from the prompt the fake model received (real JDA against the
 * simulator, the whole product): the channel's turns of every character under their names, and mentions of
 * users, channels and roles as names, with people shown by the persona they present.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordPromptContextTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Lantern Library").characters("Ada", "Sam");

    private SimUser bob;
    private SimUser carol;

    @BeforeAll
    void start() {
        bob = scene.app.simulator.world().createMember(scene.guild, "bob");
        carol = scene.app.simulator.world().createMember(scene.guild, "carol");
        persona(scene.app.verified(scene.alice), "Moonbeam");
        persona(scene.app.verified(bob), "Sparrow");
    }

    private void persona(User user, String preferredName) {
        scene.app.repos.personas().update(user.id(), user.defaultPersona().orElseThrow(),
                new PersonaDraft(user.username(), null, "", preferredName, null, false)).orElseThrow();
    }

    @Test
    void aSecondCharacterSeesTheFirstOnesTurnAttributedToIt() {
        SimTextChannel channel = scene.channel("front-desk");
        scene.app.model.enqueue(FakeReply.text("Noted, the password stays with me."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada the password is LANTERN-7");
        scene.app.awaitPosts(channel, 1);

        scene.app.model.enqueue(FakeReply.text("Ada said she would keep it."));
        scene.app.simulator.users().post(bob, channel, "@Sam what did Ada promise?");
        scene.app.awaitPosts(channel, 2);

        String system = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(system).containsPattern("<message from=\"Moonbeam\" from_id=\"[0-9a-f-]+\" role=\"user\" t=\"[^\"]+\">"
                + "the password is LANTERN-7</message>");
        assertThat(system).containsPattern("<message from=\"Ada\" from_id=\"[0-9a-f-]+\" role=\"user\" t=\"[^\"]+\">"
                + "Noted, the password stays with me\\.</message>");
        assertThat(system).doesNotContain("<message from=\"Sam\"");
    }

    @Test
    void userChannelAndRoleMentionsReachThePromptAsNames() {
        SimTextChannel channel = scene.channel("mentions");
        SimTextChannel archives = scene.channel("archives");
        SimRole librarians = scene.app.simulator.world().createRole(scene.guild, "Librarians", 0);
        scene.app.model.enqueue(FakeReply.text("I will find them."));

        scene.app.simulator.users().post(scene.alice, channel, "@Ada ask <@" + bob.id() + "> and <@" + carol.id() + "> about <#"
                + archives.id() + ">, or ping <@&" + librarians.id() + ">.");
        scene.app.awaitPosts(channel, 1);

        String human = scene.lastChat().lastUserText();
        assertThat(human).contains("ask @Sparrow and @carol about #archives, or ping @Librarians.")
                .doesNotContain("<@").doesNotContain("<#");
        // the registered user mentioned joins the participants under the persona name
        assertThat(DiscordScene.systemPrompt(scene.lastChat())).contains("<name>Sparrow</name>");
    }

    @Test
    void atMostFiveChannelsAndFiveRolesAreNamedTheRestStayAsWritten() {
        SimTextChannel channel = scene.channel("many-mentions");
        StringBuilder text = new StringBuilder("@Ada");
        long lastChannel = 0;
        long lastRole = 0;
        for (int i = 1; i <= 6; i++) {
            lastChannel = scene.channel("room-" + i).id();
            lastRole = scene.app.simulator.world().createRole(scene.guild, "crew-" + i, 0).id();
            text.append(" <#").append(lastChannel).append("> <@&").append(lastRole).append('>');
        }
        scene.app.model.enqueue(FakeReply.text("That is a lot of rooms."));

        scene.app.simulator.users().post(scene.alice, channel, text.toString());
        scene.app.awaitPosts(channel, 1);

        assertThat(scene.lastChat().lastUserText()).contains("#room-1 @crew-1").contains("#room-5 @crew-5 <#" + lastChannel
                + "> <@&" + lastRole + ">").doesNotContain("#room-6").doesNotContain("@crew-6");
    }

    @Test
    void aRepliedToPersonIsQuotedUnderTheirPersonaName() {
        SimTextChannel channel = scene.channel("quotes");
        SimMessage said = scene.app.simulator.users().post(bob, channel, "The spare key is under the blue lantern.");
        scene.app.model.enqueue(FakeReply.text("Under the blue lantern, then."));

        scene.app.simulator.users().reply(scene.alice, channel, said, "@Ada where is the key?");
        scene.app.awaitPosts(channel, 1);

        String system = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(system).containsPattern("<quote number=\"1\" from=\"Sparrow\" username=\"bob\">");
        assertThat(system).contains("The spare key is under the blue lantern.");
    }

    @Test
    void aFailedTurnEndsWithItsErrorCategoryAndReferenceInASpoilerAndStaysInHistory() {
        SimTextChannel channel = scene.channel("failing");
        scene.app.model.enqueue(FakeReply.error(401, "invalid key"));

        scene.app.simulator.users().post(scene.alice, channel, "@Ada are you there?");

        String posted = scene.app.awaitPosts(channel, 1).get(0).content();
        assertThat(posted).startsWith("The AI provider did not accept the API key.")
                .containsPattern(" \\|\\|\\*\\(error: authentication; ref: [A-Za-z0-9-]+\\)\\*\\|\\|$");

        // the failed turn stays in history: the question, then the error without its spoiler
        scene.app.model.enqueue(FakeReply.text("I am here now."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada second try?");
        scene.app.awaitPosts(channel, 2);
        String system = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(system).containsPattern("<message from=\"Moonbeam\" from_id=\"[0-9a-f-]+\" role=\"user\" "
                + "t=\"[^\"]+\">are you there\\?</message>")
                .containsPattern("<message from=\"Ada\" role=\"assistant\" t=\"[^\"]+\">The AI provider did not "
                        + "accept the API key\\.[^<|]*</message>");
    }
}
