package io.tzurot.app.summaries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.app.discord.DiscordScene;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.SummaryWiring;
import io.tzurot.core.memory.IncognitoSessions;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.summaries.SummarizingMemories;
import io.tzurot.core.summaries.SummaryWindow;
import io.tzurot.core.user.User;
import io.tzurot.storage.memory.JdbiSummaryRepository;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Long-term-memory summaries through the whole product with a scripted model: ten old memories of alice's
 * conversation with Ada in one channel and week are summarized by the summary sweep (the cheap model's request told
 * apart by its instructions), the originals are marked, a later reply recalls the summary instead of them (in the
 * recorded prompt and the diagnostic record's {@code summaries}), and deleting the summary gives them back.
 */
class MemorySummariesEndToEndTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Summary Guild").characters("Ada")
            .env("TZUROT_SUMMARY_PRESET", "reply");

    private static final String SUMMARY = "{user} told {assistant} about Bartholomew, the lighthouse keeper of Gull "
            + "Rock, who signals passing ships with a green lantern every night.";

    private static FakeReply answer(RecordedRequest request) {
        if (DiscordScene.systemPrompt(request).startsWith("You condense old conversation notes")) {
            return FakeReply.text(SUMMARY);
        }
        return FakeReply.text("Ada listens.");
    }

    @Test
    void oldMemoriesAreSummarizedMarkedRecalledAsTheSummaryAndGivenBackWhenItIsDeleted() {
        DiscordApp app = scene.app;
        app.model.respondWith(MemorySummariesEndToEndTest::answer);
        SimTextChannel harbor = scene.channel("harbor");
        ask(harbor, "@Ada hello there", 1); // alice and her persona now exist
        User alice = app.verified(scene.alice);
        UUID persona = app.repos.personas().listByOwner(alice.id()).get(0).id();
        UUID ada = scene.character("Ada").id();

        // ten memories from one week two months ago, in this channel
        ModelComponents models = ModelComponents.real(app.model.baseUrl(), Optional.empty());
        Instant monday = SummaryWindow.start(SummaryWindow.of(Instant.now().minus(Duration.ofDays(60))));
        List<UUID> originals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String text = "{user}: The lighthouse keeper Bartholomew lit the green lantern, night " + i
                    + ".\n{assistant}: Ships at Gull Rock saw it, night " + i + ".";
            NewMemory m = NewMemory.live(persona, ada, text, models.embeddings().embed(text), null,
                    Long.toString(harbor.id()), Long.toString(harbor.guildId()), monday.plus(Duration.ofHours(6L * i)));
            assertThat(app.repos.memories().insert(m)).isTrue();
            originals.add(m.id());
        }

        SummarizingMemories summarizing = SummaryWiring.summarizing(app.running.config().summaries(), app.repos, models,
                new byte[32], new ProviderAccess(app.model.baseUrl(), Optional.of("test-key")), "test/model",
                new IncognitoSessions(new io.tzurot.messaging.keys.InProcessKeyStore(), Clock.systemUTC()),
                Duration.ofSeconds(30));
        SummarizingMemories.Outcome outcome = summarizing.sweep(Instant.now());
        assertThat(outcome.summaries()).isEqualTo(1);
        assertThat(outcome.originals()).isEqualTo(10);
        assertThat(summarizing.sweep(Instant.now()).summaries()).isZero(); // once per group

        RecordedRequest summaryRequest = app.model.requests().stream()
                .filter(r -> DiscordScene.systemPrompt(r).startsWith("You condense")).findFirst().orElseThrow();
        assertThat(summaryRequest.lastUserText()).startsWith("<notes>\n<note t=\"")
                .contains("Bartholomew lit the green lantern, night 9");
        Memory original = app.repos.memories().find(originals.get(0)).orElseThrow();
        UUID summaryId = original.summarizedBy();
        assertThat(summaryId).isNotNull();
        Memory summary = app.repos.memories().find(summaryId).orElseThrow();
        assertThat(summary.isSummary()).isTrue();
        assertThat(summary.content()).isEqualTo(SUMMARY);
        assertThat(summary.originalMessageCount()).isEqualTo(10);
        assertThat(summary.coversFrom()).isEqualTo(monday);
        assertThat(new JdbiSummaryRepository(app.repos.database()).originalsOf(summaryId))
                .containsExactlyElementsOf(originals);

        // a later reply recalls the summary, not the originals
        SimMessage question = ask(harbor, "@Ada do you remember Bartholomew the lighthouse keeper and his green lantern?", 2);
        String system = DiscordScene.systemPrompt(lastReply(app));
        assertThat(system).contains("about Bartholomew, the lighthouse keeper of Gull Rock")
                .doesNotContain("Bartholomew lit the green lantern, night");
        String record = await().atMost(DiscordApp.PATIENCE).until(() -> app.repos.diagnostics()
                .findByTriggerMessageId(Long.toString(question.id())), l -> !l.isEmpty()).get(0).dataJson();
        assertThat(record).containsPattern("\"summaries\":\\[\\{\"id\":\"" + summaryId
                + "\",\"content\":\"\\{user\\} told \\{assistant\\} about Bartholomew[^\"]*\",\"originals\":10,"
                + "\"coversFrom\":\"[^\"]+\",\"coversUntil\":\"[^\"]+\",\"score\":[0-9.]+,\"tokens\":[1-9]\\d*\\}\\]");

        // deleting the summary un-marks the originals: the next reply recalls them again
        assertThat(app.repos.memories().softDelete(summaryId, Instant.now())).isTrue();
        assertThat(app.repos.memories().find(originals.get(0)).orElseThrow().summarizedBy()).isNull();
        ask(harbor, "@Ada tell me again about Bartholomew the lighthouse keeper and the green lantern", 3);
        assertThat(DiscordScene.systemPrompt(lastReply(app))).contains("Bartholomew lit the green lantern, night")
                .doesNotContain("lighthouse keeper of Gull Rock, who signals");
    }

    private static RecordedRequest lastReply(DiscordApp app) {
        List<RecordedRequest> replies = app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions"))
                .filter(r -> !DiscordScene.systemPrompt(r).startsWith("You condense")).toList();
        return replies.get(replies.size() - 1);
    }

    private static SimMessage ask(SimTextChannel channel, String text, int nth) {
        SimMessage posted = scene.app.simulator.users().post(scene.alice, channel, text);
        long reply = scene.app.awaitPosts(channel, nth).get(nth - 1).message().id();
        await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.repos.history()
                .findByDiscordMessageId(Long.toString(reply)), Optional::isPresent);
        return posted;
    }
}
