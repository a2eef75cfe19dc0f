package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.utils.FileUpload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** DMs, mentions, attachments, embeds, replies, edits, deletes and typing between JDA and the simulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaSimulatorMessagingTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimulatedBot bot;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void connect() throws InterruptedException {
        fixture = new SimulatorFixture("Messaging Guild");
        simulator = fixture.simulator;
        guild = fixture.guild;
        alice = fixture.alice;
        bot = fixture.connect();
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        fixture.close();
    }

    @Test
    void aDirectMessageArrivesAsPrivateAndTheBotAnswersInTheDm() {
        SimDmChannel dm = simulator.world().dmChannel(alice);
        SimMessage posted = simulator.users().post(alice, dm, "psst, privately");

        MessageReceivedEvent event = bot.awaitMessage(e -> e.getMessageIdLong() == posted.id());
        assertThat(event.isFromGuild()).isFalse();
        assertThat(event.getChannelType()).isEqualTo(ChannelType.PRIVATE);
        Message answer = event.getChannel().sendMessage("**Lilith:** hello in private").complete();

        BotActivity.Posted post = lastPost();
        assertThat(post.message().id()).isEqualTo(answer.getIdLong());
        assertThat(post.channelId()).isEqualTo(dm.id());
        SimUser dave = simulator.world().createUser("dave");
        assertThat(bot.jda().retrieveUserById(dave.id()).complete().openPrivateChannel().complete().getIdLong())
                .isEqualTo(simulator.world().dmChannel(dave).id());
    }

    @Test
    void aMentionOfTheBotIsParsedFromTheContent() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "mentions");
        SimMessage posted = simulator.users().post(alice, channel, "<@" + simulator.botUser().id() + "> help");

        Message message = bot.awaitMessage(e -> e.getMessageIdLong() == posted.id()).getMessage();

        assertThat(message.getMentions().isMentioned(bot.jda().getSelfUser())).isTrue();
    }

    @Test
    void attachmentsTravelBothWays() throws Exception {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "files");
        byte[] notes = "remember the milk".getBytes(StandardCharsets.UTF_8);
        SimAttachment upload = simulator.users().attachment("notes.txt", "text/plain", notes);
        SimMessage posted = simulator.users().postWithAttachments(alice, channel, "see attached", upload);

        Message received = bot.awaitMessage(e -> e.getMessageIdLong() == posted.id()).getMessage();
        assertThat(received.getAttachments()).singleElement().satisfies(a -> {
            assertThat(a.getFileName()).isEqualTo("notes.txt");
            assertThat(a.getSize()).isEqualTo(notes.length);
        });
        try (InputStream in = received.getAttachments().get(0).getProxy().download().get()) {
            assertThat(in.readAllBytes()).isEqualTo(notes);
        }

        TextChannel jdaChannel = bot.textChannel(channel.id());
        jdaChannel.sendMessage("here is mine").addFiles(FileUpload.fromData(new byte[] {1, 2, 3}, "data.bin"))
                .complete();
        SimMessage sent = lastPost().message();
        assertThat(sent.content()).isEqualTo("here is mine");
        assertThat(sent.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("data.bin");
            assertThat(a.data()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void editsAndDeletesAreRecordedAndEchoed() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "edits");
        TextChannel jdaChannel = bot.textChannel(channel.id());
        Message draft = jdaChannel.sendMessage("first draft").complete();

        draft.editMessage("final version").complete();
        assertThat(simulator.message(channel, draft.getIdLong()).orElseThrow().content()).isEqualTo("final version");
        draft.delete().complete();
        jdaChannel.sendTyping().complete();

        assertThat(simulator.messagesIn(channel)).isEmpty();
        List<BotActivity> activity = simulator.activity();
        assertThat(activity.subList(activity.size() - 4, activity.size()))
                .extracting(a -> a.getClass().getSimpleName())
                .containsExactly("Posted", "Edited", "Deleted", "Typing");

        SimMessage userMessage = simulator.users().post(alice, channel, "typo hree");
        simulator.users().edit(alice, userMessage, "typo here");
        simulator.users().delete(userMessage);
        await().atMost(SimulatedBot.PATIENCE).until(() -> bot.eventsOf(MessageDeleteEvent.class).stream()
                .anyMatch(e -> e.getMessageIdLong() == userMessage.id()));
        assertThat(bot.eventsOf(MessageUpdateEvent.class)).anySatisfy(e -> {
            assertThat(e.getMessageIdLong()).isEqualTo(userMessage.id());
            assertThat(e.getMessage().getContentRaw()).isEqualTo("typo here");
        });
    }

    @Test
    void embedsRoundTripAndAUserReplyToAWebhookMessageCarriesTheReference() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "embeds");
        TextChannel jdaChannel = bot.textChannel(channel.id());
        Message withEmbed = jdaChannel.sendMessageEmbeds(new EmbedBuilder().setTitle("Status")
                .setDescription("All systems nominal").build()).complete();
        assertThat(withEmbed.getEmbeds()).singleElement()
                .satisfies(e -> assertThat(e.getTitle()).isEqualTo("Status"));
        assertThat(lastPost().message().embeds().get(0).path("description").asText())
                .isEqualTo("All systems nominal");

        Webhook webhook = jdaChannel.createWebhook("Personas").complete();
        Message persona = WebhookClient.createClient(bot.jda(), webhook.getId(), webhook.getToken())
                .sendMessage("I remember you.").setUsername("Lilith").complete();
        SimMessage reply = simulator.users().reply(alice, channel,
                simulator.message(channel, persona.getIdLong()).orElseThrow(), "do you?");

        Message received = bot.awaitMessage(e -> e.getMessageIdLong() == reply.id()).getMessage();
        assertThat(received.getMessageReference()).isNotNull();
        assertThat(received.getMessageReference().getMessageIdLong()).isEqualTo(persona.getIdLong());
        Message referenced = received.getReferencedMessage();
        assertThat(referenced).isNotNull();
        assertThat(referenced.isWebhookMessage()).isTrue();
        assertThat(referenced.getAuthor().getName()).isEqualTo("Lilith");
        assertThat(referenced.getApplicationIdLong()).isEqualTo(simulator.botUser().id());
    }

    private BotActivity.Posted lastPost() {
        List<BotActivity.Posted> posts = simulator.botPosts();
        assertThat(posts).isNotEmpty();
        return posts.get(posts.size() - 1);
    }
}
