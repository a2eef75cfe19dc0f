package io.tzurot.app.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.app.discord.DiscordApp;
import io.tzurot.app.discord.DiscordScene;
import io.tzurot.core.access.Actor;
import io.tzurot.core.facts.ManagingFacts;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.user.User;
import io.tzurot.storage.facts.JdbiFactRepository;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Memory facts through the whole product with a scripted model: a fact alice states is extracted in the
 * background, shown to the character in another channel (in the recorded prompt and the reply's diagnostic
 * record), replaced when she later says otherwise, and corrected by the use case behind {@code /memory facts
 * correct}, the corrected text reaching the next prompt.
 */
class MemoryFactsEndToEndTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Facts Guild").characters("Ada")
            .env("TZUROT_FACTS_PRESET", "reply");

    private static final AtomicInteger REPLIES = new AtomicInteger();

    /** The fake model: extraction requests (told apart by their instructions) get fact lines, replies get text. */
    private static FakeReply answer(RecordedRequest request) {
        String system = DiscordScene.systemPrompt(request);
        if (system.startsWith("You keep a short list of durable facts")) {
            String exchange = request.lastUserText();
            String user = exchange.substring(exchange.indexOf("<user"), exchange.indexOf("</user>"));
            if (user.contains("cat called Quillibrand")) {
                return FakeReply.text("```\n- ADD 0.9 | has a cat called Quillibrand\n```");
            }
            if (user.contains("dog called Rex")) {
                return FakeReply.text("REPLACE 1 0.85 | has a dog called Rex");
            }
            if (user.contains("gibberish")) {
                return FakeReply.text("Happy to help! Here are some thoughts about the user.");
            }
            return FakeReply.text("NONE");
        }
        return FakeReply.text("Reply number " + REPLIES.incrementAndGet() + " from Ada, all ears.");
    }

    @Test
    void aStatedFactIsExtractedRecalledElsewhereReplacedAndCorrected() {
        DiscordApp app = scene.app;
        app.model.respondWith(MemoryFactsEndToEndTest::answer);
        JdbiFactRepository facts = new JdbiFactRepository(app.repos.database().jdbi());
        SimTextChannel general = scene.channel("general");
        SimTextChannel garden = scene.channel("garden");

        ask(general, "@Ada I have a cat called Quillibrand, she is tiny.", 1);
        MemoryFact cat = await().atMost(DiscordApp.PATIENCE).until(() -> aliceFacts(facts), l -> l.size() == 1).get(0);
        assertThat(cat.content()).isEqualTo("has a cat called Quillibrand");
        assertThat(cat.confidence()).isEqualTo(0.9);
        assertThat(cat.source()).startsWith("exchange:");

        // another channel: the fact is in the prompt, in its own section, and in the diagnostic record
        SimMessage question = ask(garden, "@Ada what is my cat called?", 1);
        RecordedRequest chat = lastReplyRequest(app);
        assertThat(DiscordScene.systemPrompt(chat)).contains("<known_facts about=\"the user\">")
                .contains("<fact>has a cat called Quillibrand</fact>");
        String record = await().atMost(DiscordApp.PATIENCE).until(() -> app.repos.diagnostics()
                .findByTriggerMessageId(Long.toString(question.id())), l -> !l.isEmpty()).get(0).dataJson();
        assertThat(record).containsPattern("\"facts\":\\[\\{\"id\":\"" + cat.id()
                + "\",\"content\":\"has a cat called Quillibrand\",\"confidence\":0\\.9,\"locked\":false,\"tokens\":\\d+\\}\\]")
                .containsPattern("\"factTokensUsed\":[1-9]\\d*").contains("\"factsIncluded\":1");

        // a bad model answer stores nothing
        ask(garden, "@Ada gibberish time", 2);
        // alice says otherwise: the extraction replaces the fact
        ask(general, "@Ada Quillibrand went to live with my sister; I have a dog called Rex now.", 2);
        List<MemoryFact> replaced = await().atMost(DiscordApp.PATIENCE).until(() -> aliceFacts(facts),
                l -> l.size() == 1 && l.get(0).content().equals("has a dog called Rex"));
        assertThat(replaced.get(0).id()).isNotEqualTo(cat.id());

        // and corrects it herself, through the rule behind /memory facts correct
        User alice = app.verified(scene.alice);
        ManagingFacts managing = new ManagingFacts(facts, app.repos.personas(), Clock.systemUTC());
        MemoryFact corrected = managing.correct(new Actor(alice.id(), alice.discordId(), false), replaced.get(0).id(),
                "has a beagle called Rex");
        assertThat(corrected.confidence()).isEqualTo(1.0);
        ask(garden, "@Ada tell me about my pets", 3);
        assertThat(DiscordScene.systemPrompt(lastReplyRequest(app))).contains("<fact>has a beagle called Rex</fact>")
                .doesNotContain("Quillibrand</fact>");
    }

    private static List<MemoryFact> aliceFacts(JdbiFactRepository facts) {
        User alice = scene.app.verified(scene.alice);
        List<UUID> personas = scene.app.repos.personas().listByOwner(alice.id()).stream().map(p -> p.id()).toList();
        return personas.isEmpty() ? List.of() : facts.inScope(personas.get(0),
                PersonalityScope.only(scene.character("Ada").id()), 10);
    }

    /** The latest reply (not extraction) request the model received. */
    private static RecordedRequest lastReplyRequest(DiscordApp app) {
        List<RecordedRequest> replies = app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions"))
                .filter(r -> !DiscordScene.systemPrompt(r).startsWith("You keep a short list")).toList();
        return replies.get(replies.size() - 1);
    }

    /** Posts {@code text}, waits for the {@code nth} reply in the channel and for the exchange's stored row. */
    private static SimMessage ask(SimTextChannel channel, String text, int nth) {
        SimMessage posted = scene.app.simulator.users().post(scene.alice, channel, text);
        long reply = scene.app.awaitPosts(channel, nth).get(nth - 1).message().id();
        await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.repos.history()
                .findByDiscordMessageId(Long.toString(reply)), Optional::isPresent);
        return posted;
    }
}
