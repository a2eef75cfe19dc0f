package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.discord.MessageChunker;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ReplyStream;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Edit-streaming's clean-ups, on real JDA against the simulator with an engine that streams by script: a reply that
 * fails after a partial post leaves its message edited to the failure notice (never half a reply), and a stream
 * whose text shrinks (a {@code reset}) ends with the surplus message deleted and the first edited to the final text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditStreamDeliveryTest {

    private final Map<String, BiFunction<ReplyRequest, ReplyStream, CompletableFuture<ReplyOutcome>>> streamed =
            new ConcurrentHashMap<>();
    private BotHarness harness;
    private BotHarness.Cast cast;

    @BeforeAll
    void start() {
        ReplyService engine = new ReplyService() {
            @Override
            public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
                return harness.replies.reply(request);
            }

            @Override
            public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
                String word = request.message().strip().split(" ")[0];
                var script = streamed.get(word);
                return script == null ? harness.replies.reply(request) : script.apply(request, stream);
            }
        };
        harness = BotHarness.start("edit-stream", s -> new DiscordServices(s.personalities(), s.channels(),
                s.denylist(), s.users(), s.delivered(), engine, s.clock(), s.voice(), s.history(), s.commands(),
                s.guards(), s.speakers(), s.speaking()));
        cast = harness.cast("Streaming Guild");
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void aReplyFailingAfterAPartialPostLeavesTheFailureNoticeNotHalfAReply() {
        SimTextChannel channel = streamingChannel("failing");
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicReference<ReplyOutcome.Failed> failure = new AtomicReference<>();
        streamed.put("fail", (request, stream) -> {
            stream.delta("The first part is here. And then ");
            return gate.thenApplyAsync(v -> {
                failure.set(harness.replies.failed(request, "The model could not answer."));
                return failure.get();
            });
        });

        harness.simulator.users().post(cast.alice(), channel, "@Bob fail now");

        BotActivity.Posted partial = harness.awaitPosts(channel, 1).get(0);
        assertThat(partial.content()).isEqualTo("The first part is here. And then");
        gate.complete(null);
        await().atMost(BotHarness.PATIENCE).until(() -> failure.get() != null && content(channel, partial.message().id())
                .equals(failure.get().withErrorSpoiler()));
        assertThat(harness.postsIn(channel)).as("the partial post became the notice").hasSize(1);
    }

    @Test
    void aStreamThatShrinksEndsWithTheSurplusDeletedAndTheFinalTextExact() {
        SimTextChannel channel = streamingChannel("shrinking");
        StringBuilder longText = new StringBuilder();
        for (int i = 0; longText.length() < 2600; i++) {
            longText.append("Sentence ").append(i).append(" walks a little further down the road. ");
        }
        CompletableFuture<Void> gate = new CompletableFuture<>();
        streamed.put("shrink", (request, stream) -> {
            stream.delta(longText.toString());
            return gate.thenApplyAsync(v -> {
                stream.reset("Short after all.");
                return harness.replies.replied(request, "Short after all.");
            });
        });

        harness.simulator.users().post(cast.alice(), channel, "@Bob shrink please");

        List<BotActivity.Posted> parts = harness.awaitPosts(channel, 2);
        assertThat(parts).extracting(BotActivity.Posted::content).containsExactlyElementsOf(
                MessageChunker.split(longText.toString()));
        gate.complete(null);
        List<String> expected = MessageChunker.withFooter(MessageChunker.split("Short after all."),
                ScriptedReplyService.FOOTER, MessageChunker.DISCORD_LIMIT);
        await().atMost(BotHarness.PATIENCE).until(() -> webhookContents(channel), expected::equals);
        assertThat(harness.simulator.activity()).anyMatch(a -> a instanceof BotActivity.Deleted d
                && d.messageId() == parts.get(1).message().id());
        assertThat(webhookIds(channel)).containsExactly(parts.get(0).message().id());
    }

    private SimTextChannel streamingChannel(String name) {
        SimTextChannel channel = harness.simulator.world().createTextChannel(cast.guild(), name);
        harness.channels.setStreamEdits(Long.toString(channel.id()), Long.toString(cast.guild().id()), true);
        return channel;
    }

    private String content(SimTextChannel channel, long id) {
        return harness.simulator.message(channel, id).map(SimMessage::content).orElse("");
    }

    private List<String> webhookContents(SimTextChannel channel) {
        return harness.simulator.messagesIn(channel).stream().filter(m -> m.author() instanceof MessageAuthor.Webhook)
                .map(SimMessage::content).toList();
    }

    private List<Long> webhookIds(SimTextChannel channel) {
        return harness.simulator.messagesIn(channel).stream().filter(m -> m.author() instanceof MessageAuthor.Webhook)
                .map(SimMessage::id).toList();
    }
}
