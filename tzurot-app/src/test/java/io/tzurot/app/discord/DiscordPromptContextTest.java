package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a character is shown from Discord, read from the prompt the fake model received (real JDA against the
 * simulator, the whole product): the channel's turns of every character under their names, and mentions of
 * users, channels and roles as names, with people shown by the persona they present.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordPromptContextTest {

    @TempDir
    static Path dir;

    private DiscordApp app;
    private SimGuild guild;
    private SimUser alice;
    private SimUser bob;
    private SimUser carol;

    @BeforeAll
    void start() {
        app = DiscordApp.start(dir, Map.of());
        guild = app.simulator.world().createGuild("Lantern Library");
        alice = app.simulator.world().createMember(guild, "alice");
        bob = app.simulator.world().createMember(guild, "bob");
        carol = app.simulator.world().createMember(guild, "carol");
        persona(app.verified(alice), "Moonbeam");
        persona(app.verified(bob), "Sparrow");
        app.character("Ada", "ada");
        app.character("Sam", "sam");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void persona(User user, String preferredName) {
        app.repos.personas().update(user.id(), user.defaultPersona().orElseThrow(),
                new PersonaDraft(user.username(), null, "", preferredName, null, false)).orElseThrow();
    }

    @Test
    void aSecondCharacterSeesTheFirstOnesTurnAttributedToIt() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "front-desk");
        app.model.enqueue(FakeReply.text("Noted, the password stays with me."));
        app.simulator.users().post(alice, channel, "@Ada the password is LANTERN-7");
        app.awaitPosts(channel, 1);

        app.model.enqueue(FakeReply.text("Ada said she would keep it."));
        app.simulator.users().post(bob, channel, "@Sam what did Ada promise?");
        app.awaitPosts(channel, 2);

        String system = systemPrompt(lastChat());
        assertThat(system).containsPattern("<message from=\"Moonbeam\" from_id=\"[0-9a-f-]+\" role=\"user\" t=\"[^\"]+\">"
                + "the password is LANTERN-7</message>");
        assertThat(system).containsPattern("<message from=\"Ada\" role=\"assistant\" t=\"[^\"]+\">"
                + "Noted, the password stays with me\\.</message>");
        assertThat(system).doesNotContain("<message from=\"Sam\"");
    }

    @Test
    void userChannelAndRoleMentionsReachThePromptAsNames() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "mentions");
        SimTextChannel archives = app.simulator.world().createTextChannel(guild, "archives");
        SimRole librarians = app.simulator.world().createRole(guild, "Librarians", 0);
        app.model.enqueue(FakeReply.text("I will find them."));

        app.simulator.users().post(alice, channel, "@Ada ask <@" + bob.id() + "> and <@" + carol.id() + "> about <#"
                + archives.id() + ">, or ping <@&" + librarians.id() + ">.");
        app.awaitPosts(channel, 1);

        String human = lastChat().lastUserText();
        assertThat(human).contains("ask @Sparrow and @carol about #archives, or ping @Librarians.")
                .doesNotContain("<@").doesNotContain("<#");
        // the registered user mentioned joins the participants under the persona name
        assertThat(systemPrompt(lastChat())).contains("<name>Sparrow</name>");
    }

    @Test
    void atMostFiveChannelsAndFiveRolesAreNamedTheRestStayAsWritten() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "many-mentions");
        StringBuilder text = new StringBuilder("@Ada");
        long lastChannel = 0;
        long lastRole = 0;
        for (int i = 1; i <= 6; i++) {
            lastChannel = app.simulator.world().createTextChannel(guild, "room-" + i).id();
            lastRole = app.simulator.world().createRole(guild, "crew-" + i, 0).id();
            text.append(" <#").append(lastChannel).append("> <@&").append(lastRole).append('>');
        }
        app.model.enqueue(FakeReply.text("That is a lot of rooms."));

        app.simulator.users().post(alice, channel, text.toString());
        app.awaitPosts(channel, 1);

        assertThat(lastChat().lastUserText()).contains("#room-1 @crew-1").contains("#room-5 @crew-5 <#" + lastChannel
                + "> <@&" + lastRole + ">").doesNotContain("#room-6").doesNotContain("@crew-6");
    }

    @Test
    void aRepliedToPersonIsQuotedUnderTheirPersonaName() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "quotes");
        SimMessage said = app.simulator.users().post(bob, channel, "The spare key is under the blue lantern.");
        app.model.enqueue(FakeReply.text("Under the blue lantern, then."));

        app.simulator.users().reply(alice, channel, said, "@Ada where is the key?");
        app.awaitPosts(channel, 1);

        String system = systemPrompt(lastChat());
        assertThat(system).containsPattern("<quote number=\"1\" from=\"Sparrow\" username=\"bob\">");
        assertThat(system).contains("The spare key is under the blue lantern.");
    }

    @Test
    void aFailedTurnEndsWithItsErrorCategoryAndReferenceInASpoilerAndStaysInHistory() {
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "failing");
        app.model.enqueue(FakeReply.error(401, "invalid key"));

        app.simulator.users().post(alice, channel, "@Ada are you there?");

        String posted = app.awaitPosts(channel, 1).get(0).content();
        assertThat(posted).startsWith("The AI provider did not accept the API key.")
                .containsPattern(" \\|\\|\\*\\(error: authentication; ref: [A-Za-z0-9-]+\\)\\*\\|\\|$");

        // the failed turn stays in history: the question, then the error without its spoiler
        app.model.enqueue(FakeReply.text("I am here now."));
        app.simulator.users().post(alice, channel, "@Ada second try?");
        app.awaitPosts(channel, 2);
        String system = systemPrompt(lastChat());
        assertThat(system).containsPattern("<message from=\"Moonbeam\" from_id=\"[0-9a-f-]+\" role=\"user\" "
                + "t=\"[^\"]+\">are you there\\?</message>")
                .containsPattern("<message from=\"Ada\" role=\"assistant\" t=\"[^\"]+\">The AI provider did not "
                        + "accept the API key\\.[^<|]*</message>");
    }

    private RecordedRequest lastChat() {
        List<RecordedRequest> chats = Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList(),
                        list -> !list.isEmpty());
        return chats.get(chats.size() - 1);
    }

    static String systemPrompt(RecordedRequest request) {
        for (JsonNode message : request.body().path("messages")) {
            if ("system".equals(message.path("role").asText())) {
                return message.path("content").isTextual() ? message.path("content").asText()
                        : message.path("content").path(0).path("text").asText();
            }
        }
        return "";
    }
}
