package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.IncomingWebhookClient;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Webhook;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.WebhookClient;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Real JDA 6 against the Discord simulator: login, messages both ways, webhooks, threads and RESUME. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaSimulatorConnectionTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimulatedBot bot;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void connect() throws InterruptedException {
        fixture = new SimulatorFixture("Test Guild");
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
    void logsInAndSeesTheSimulatedGuildWithItsSelfMember() {
        JDA jda = bot.jda();
        assertThat(jda.getStatus()).isEqualTo(JDA.Status.CONNECTED);
        assertThat(jda.getSelfUser().getIdLong()).isEqualTo(simulator.botUser().id());
        assertThat(jda.getSelfUser().isBot()).isTrue();
        assertThat(jda.getGuildById(guild.id())).isNotNull();
        assertThat(jda.getGuildById(guild.id()).getName()).isEqualTo("Test Guild");
        assertThat(jda.getGuildById(guild.id()).getSelfMember().getIdLong()).isEqualTo(simulator.botUser().id());
    }

    @Test
    void receivesAGuildMessageFromASimulatedUserWithItsContent() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "incoming");
        SimMessage posted = simulator.users().post(alice, channel, "hello there, bot");

        MessageReceivedEvent event = bot.awaitMessage(e -> e.getMessageIdLong() == posted.id());

        assertThat(event.isFromGuild()).isTrue();
        assertThat(event.getChannel().getIdLong()).isEqualTo(channel.id());
        assertThat(event.getMessage().getContentRaw()).isEqualTo("hello there, bot");
        assertThat(event.getAuthor().getName()).isEqualTo("alice");
        assertThat(event.getAuthor().isBot()).isFalse();
        assertThat(event.getMember()).isNotNull();
        assertThat(event.isWebhookMessage()).isFalse();
    }

    @Test
    void sendsAReplyOverRestAndSeesItsOwnEchoAsABotMessage() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "replies");
        SimMessage question = simulator.users().post(alice, channel, "anyone home?");
        Message received = bot.awaitMessage(e -> e.getMessageIdLong() == question.id()).getMessage();

        Message sent = received.reply("yes, I am here").complete();

        assertThat(sent.getContentRaw()).isEqualTo("yes, I am here");
        assertThat(sent.getAuthor().getIdLong()).isEqualTo(simulator.botUser().id());
        BotActivity.Posted post = lastPost();
        assertThat(post.message().id()).isEqualTo(sent.getIdLong());
        assertThat(post.channelId()).isEqualTo(channel.id());
        assertThat(post.viaWebhook()).isFalse();
        assertThat(post.message().replyTo()).contains(question.id());
        MessageReceivedEvent echo = bot.awaitMessage(e -> e.getMessageIdLong() == sent.getIdLong());
        assertThat(echo.getAuthor().isBot()).isTrue();
        assertThat(echo.getMessage().getReferencedMessage()).isNotNull();
        assertThat(echo.getMessage().getReferencedMessage().getIdLong()).isEqualTo(question.id());
    }

    @Test
    void createsAWebhookAndPostsWithACustomNameAndAvatarIncludingIntoAThread() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "characters");
        SimThreadChannel thread = simulator.world().createThread(channel, "side story", alice);
        TextChannel jdaChannel = bot.textChannel(channel.id());
        await().atMost(SimulatedBot.PATIENCE).until(() -> bot.jda().getThreadChannelById(thread.id()) != null);
        ThreadChannel jdaThread = bot.jda().getThreadChannelById(thread.id());
        assertThat(jdaThread.getParentChannel().getIdLong()).isEqualTo(channel.id());

        assertThat(jdaChannel.retrieveWebhooks().complete()).isEmpty();
        Webhook webhook = jdaChannel.createWebhook("Tzurot Personas").complete();
        assertThat(jdaChannel.retrieveWebhooks().complete()).extracting(Webhook::getIdLong)
                .containsExactly(webhook.getIdLong());
        IncomingWebhookClient client = WebhookClient.createClient(bot.jda(), webhook.getId(), webhook.getToken());

        Message inChannel = client.sendMessage("I am Lilith.").setUsername("Lilith")
                .setAvatarUrl("https://avatars.example/lilith.png").complete();
        Message inThread = client.sendMessage("Whispering in the thread.").setUsername("Bambi")
                .setAvatarUrl("https://avatars.example/bambi.png").setThreadId(thread.id()).complete();

        assertThat(inChannel.getAuthor().getName()).isEqualTo("Lilith");
        assertThat(inThread.getChannel().getIdLong()).isEqualTo(thread.id());
        List<BotActivity.Posted> posts = simulator.botPosts();
        BotActivity.Posted first = posts.get(posts.size() - 2);
        BotActivity.Posted second = posts.get(posts.size() - 1);
        assertThat(first.viaWebhook()).isTrue();
        assertThat(first.webhookUsername()).contains("Lilith");
        assertThat(first.webhookAvatarUrl()).contains("https://avatars.example/lilith.png");
        assertThat(first.channelId()).isEqualTo(channel.id());
        assertThat(first.threadParentId()).isEmpty();
        assertThat(second.webhookUsername()).contains("Bambi");
        assertThat(second.webhookAvatarUrl()).contains("https://avatars.example/bambi.png");
        assertThat(second.channelId()).isEqualTo(thread.id());
        assertThat(second.threadParentId()).contains(channel.id());
        MessageReceivedEvent echo = bot.awaitMessage(e -> e.getMessageIdLong() == inThread.getIdLong());
        assertThat(echo.isWebhookMessage()).isTrue();
        assertThat(echo.getAuthor().getName()).isEqualTo("Bambi");
        assertThat(echo.getChannel().getIdLong()).isEqualTo(thread.id());
    }

    @Test
    void channelAndGuildAttributesReachJda() {
        SimUser owner = simulator.world().createUser("nsfw-owner");
        SimGuild adults = simulator.world().createGuild("Adults Only", owner, 3);
        SimTextChannel lounge = simulator.world().createTextChannel(adults, "lounge", true);
        TextChannel jdaLounge = bot.textChannel(lounge.id());
        assertThat(jdaLounge.isNSFW()).isTrue();
        assertThat(jdaLounge.getGuild().getNSFWLevel()).isEqualTo(Guild.NSFWLevel.AGE_RESTRICTED);
        assertThat(jdaLounge.getGuild().getOwnerIdLong()).isEqualTo(owner.id());

        simulator.world().setTopic(lounge, "grown-up talk");
        await().atMost(SimulatedBot.PATIENCE).until(() -> "grown-up talk".equals(bot.textChannel(lounge.id()).getTopic()));
        SimThreadChannel thread = simulator.world().createThread(lounge, "old thread", owner);
        await().atMost(SimulatedBot.PATIENCE).until(() -> bot.jda().getThreadChannelById(thread.id()) != null);
        simulator.world().setArchived(thread, true);
        await().atMost(SimulatedBot.PATIENCE).until(() -> bot.jda().getThreadChannelById(thread.id()) == null
                || bot.jda().getThreadChannelById(thread.id()).isArchived());
    }

    @Test
    void resumesAfterAForcedDisconnectAndReceivesWhatItMissed() {
        SimTextChannel channel = simulator.world().createTextChannel(guild, "resilience");
        int identifiesBefore = simulator.gateway().identifyCount();
        int resumesBefore = simulator.gateway().resumeCount();

        simulator.gateway().disconnect();
        SimMessage duringOutage = simulator.users().post(alice, channel, "did you miss me?");

        MessageReceivedEvent event = bot.awaitMessage(e -> e.getMessageIdLong() == duringOutage.id());
        assertThat(event.getMessage().getContentRaw()).isEqualTo("did you miss me?");
        await().atMost(SimulatedBot.PATIENCE).until(() -> simulator.gateway().resumeCount() > resumesBefore);
        await().atMost(SimulatedBot.PATIENCE).until(() -> bot.jda().getStatus() == JDA.Status.CONNECTED);
        assertThat(simulator.gateway().identifyCount()).isEqualTo(identifiesBefore);
        Message after = bot.textChannel(channel.id()).sendMessage("back online").complete();
        assertThat(lastPost().message().id()).isEqualTo(after.getIdLong());
    }

    private BotActivity.Posted lastPost() {
        List<BotActivity.Posted> posts = simulator.botPosts();
        assertThat(posts).isNotEmpty();
        return posts.get(posts.size() - 1);
    }
}
