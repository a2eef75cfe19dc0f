package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.FinishReason;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.TokenUsage;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.RecordingExchange;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.testing.TestDatabases;
import io.tzurot.testkit.model.FakeReply;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine's decisions end to end on H2: retries, reasoning, errors, idempotency, incognito, focus, access. */
class ReplyEngineBehaviourTest {

    private static final String USER = "100000000000000002";
    private TestDatabases.TestDatabase db = TestDatabases.h2();
    private EngineFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
        db.close();
    }

    private EngineFixture fixture(ChatModel chat) {
        fixture = new EngineFixture(db.database(), chat);
        fixture.personality("Ada", "ada");
        return fixture;
    }

    @Test
    void theSlowSingleLetterReplyWithUnknownFinishIsRetriedOnce() {
        Deque<ModelResponse> script = new ArrayDeque<>();
        script.add(new ModelResponse("N", Optional.empty(), FinishReason.UNKNOWN, Optional.of(new TokenUsage(900, 1)),
                "test/model", Duration.ofSeconds(160), 1));
        script.add(new ModelResponse("Night falls over the harbour, and the lamps come on one by one.", Optional.empty(),
                FinishReason.STOP, Optional.of(new TokenUsage(900, 14)), "test/model", Duration.ofSeconds(2), 1));
        AtomicInteger calls = new AtomicInteger();
        fixture(((request, key, base) -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(script.removeFirst());
        }));

        ReplyOutcome outcome = fixture.say(USER, "ada", "c1", "Tell me about the harbour at night.");

        assertThat(calls).hasValue(2);
        assertThat(((ReplyOutcome.Replied) outcome).content()).startsWith("Night falls over the harbour");
    }

    @Test
    void anUnclosedThinkTagUsedAsRoleplayIsShownNotEmptied() {
        fixture(null).model.enqueue(FakeReply.text("<think>*leans back in the chair* Well, hello there, traveller."));

        ReplyOutcome outcome = fixture.say(USER, "ada", "c1", "Hello!");

        assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("*leans back in the chair* Well, hello there, traveller.");
        assertThat(fixture.model.requests()).hasSize(1);
    }

    @Test
    void aRejectedKeyIsNotRetriedAndBecomesAClearMessage() {
        fixture(null).model.enqueue(FakeReply.error(401, "invalid key"));

        ReplyOutcome outcome = fixture.say(USER, "ada", "c1", "Hello?");

        assertThat(outcome).isInstanceOf(ReplyOutcome.Failed.class);
        ReplyOutcome.Failed failed = (ReplyOutcome.Failed) outcome;
        assertThat(failed.kind()).isEqualTo(ReplyOutcome.FailureKind.MODEL_ERROR);
        assertThat(failed.userMessage()).contains("did not accept the API key");
        assertThat(failed.referenceId()).isNotBlank();
        assertThat(fixture.model.requests()).hasSize(1);
    }

    @Test
    void theCharactersOwnErrorMessageIsPreferred() {
        fixture(null);
        User owner = fixture.repos.users().findByDiscordId("900000000000000001").orElseThrow();
        fixture.repos.personalities().create(owner.id(), new PersonalityDraft("Grim", null, "grim", "A gloomy poet.",
                "terse", null, null, null, null, null, null, null, "The ink has run dry. Try again later.", true));
        fixture.model.enqueue(FakeReply.error(402, "out of credits"));

        ReplyOutcome outcome = fixture.say(USER, "grim", "c1", "A poem, please.");

        assertThat(((ReplyOutcome.Failed) outcome).userMessage()).isEqualTo("The ink has run dry. Try again later.");
    }

    @Test
    void theSameRequestTwiceCallsTheModelOnceAndRecordsOnce() {
        fixture(null).model.enqueue(FakeReply.text("Once is enough."));
        ReplyRequest request = ReplyRequest.text("discord:123456789012345678", Platform.DISCORD,
                new Speaker(USER, "me", null), "ada", "c1", "Say it once.", Clock.systemUTC().instant());

        ReplyOutcome first = fixture.engine.service().reply(request).join();
        ReplyOutcome again = fixture.engine.service().reply(request).join();

        assertThat(((ReplyOutcome.Replied) first).content()).isEqualTo("Once is enough.");
        assertThat(((ReplyOutcome.Replied) again).content()).isEqualTo("Once is enough.");
        assertThat(fixture.model.requests()).hasSize(1);
        assertThat(fixture.repos.history().find(RecordingExchange.userTurnId(request.requestId()))).isPresent();
        fixture.awaitMemoriesStored();
        Integer memories = db.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM memories")
                .mapTo(Integer.class).one());
        assertThat(memories).isEqualTo(1);
    }

    @Test
    void incognitoStoresNoMemory() {
        fixture(null).model.enqueue(FakeReply.text("I will forget this."));
        ReplyRequest plain = ReplyRequest.text("web:incognito-1", Platform.WEB, new Speaker(USER, "me", null), "ada", "c1",
                "A secret.", Clock.systemUTC().instant());
        ReplyRequest incognito = new ReplyRequest(plain.requestId(), plain.platform(), plain.speaker(), plain.personality(),
                plain.channelId(), plain.guildId(), plain.location(), plain.message(), plain.attachments(),
                plain.references(), plain.triggerMessageId(), plain.mentionedChannelIds(), plain.receivedAt(), true);

        ReplyOutcome outcome = fixture.engine.service().reply(incognito).join();

        assertThat(((ReplyOutcome.Replied) outcome).footer()).hasValueSatisfying(f -> assertThat(f).contains("Incognito"));
        Integer pending = db.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM pending_memories")
                .mapTo(Integer.class).one());
        Integer memories = db.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM memories")
                .mapTo(Integer.class).one());
        assertThat(pending + memories).isZero();
    }

    @Test
    void focusModeSkipsRetrievalAndTheFlightRecordSaysWhereEachValueCameFrom() throws Exception {
        fixture(null).model.enqueue(FakeReply.text("Focused."));
        User user = fixture.repos.users().getOrCreate(new DiscordUserProfile(USER, "me", null, null, false), false);
        fixture.repos.users().setConfigDefaults(user.id(),
                ConfigOverrides.EMPTY.with(SettingKey.FOCUS_MODE_ENABLED, TierValue.of(true)));

        ReplyOutcome outcome = fixture.say(USER, "ada", "c1", "Concentrate.");
        fixture.engine.awaitRecorded(outcome.requestId());

        JsonNode record = new ObjectMapper().readTree(fixture.engine.flightRecorder().findJson(outcome.requestId()).orElseThrow());
        assertThat(record.path("memorySkipped").asText()).isEqualTo("focus mode");
        assertThat(record.path("cascade").path("settings.focusModeEnabled").path("value").asText()).isEqualTo("true");
        assertThat(record.path("cascade").path("settings.focusModeEnabled").path("tier").asText()).isEqualTo("user-default");
        assertThat(record.path("cascade").path("settings.maxMessages").path("tier").asText()).isEqualTo("hardcoded");
        assertThat(record.path("attempts")).hasSize(1);
        assertThat(record.path("systemPrompt").asText()).contains("Ada");
        assertThat(record.path("timingsMs").has("totalMs")).isTrue();
    }

    @Test
    void aQueryThatCouldFindNothingIsNotEmbeddedButOldEnoughMemoriesAreStillRecalled() throws Exception {
        EngineFixture f = fixture(null);
        f.model.enqueue(FakeReply.text("Noted: your cat is called Pebble."));
        f.model.enqueue(FakeReply.text("Pebble sounds lovely."));
        f.model.enqueue(FakeReply.text("Your cat is Pebble, of course."));
        ReplyOutcome first = f.say(USER, "ada", "c1", "My cat is called Pebble.");
        f.awaitMemoriesStored();

        // the stored exchange is inside c1's history window, so a search from c1 could return nothing
        ReplyOutcome second = f.say(USER, "ada", "c1", "Tell me something nice.");
        ReplyOutcome elsewhere = f.say(USER, "ada", "c2", "What is my cat called?");

        ObjectMapper json = new ObjectMapper();
        f.engine.awaitRecorded(elsewhere.requestId());
        JsonNode skipped = json.readTree(f.engine.flightRecorder().findJson(second.requestId()).orElseThrow());
        assertThat(skipped.path("memorySkipped").asText()).isEqualTo("no memory in scope predates the conversation window");
        assertThat(skipped.path("timingsMs").path("embeddingMs").asDouble()).isZero();
        JsonNode recalled = json.readTree(f.engine.flightRecorder().findJson(elsewhere.requestId()).orElseThrow());
        assertThat(recalled.path("memorySkipped").isMissingNode() || recalled.path("memorySkipped").isNull()).isTrue();
        assertThat(recalled.path("memories").toString()).contains("Pebble");
        assertThat(first).isInstanceOf(ReplyOutcome.Replied.class);
    }

    @Test
    void aPrivateCharacterAnswersOnlyItsOwner() {
        fixture(null);
        User owner = fixture.repos.users().getOrCreate(new DiscordUserProfile("300000000000000003", "owner3", null, null,
                false), false);
        Personality secret = fixture.repos.personalities().create(owner.id(),
                PersonalityDraft.of("Hidden", "hidden", "A secret character.", "quiet"));
        fixture.model.enqueue(FakeReply.text("Hello, owner."));

        ReplyOutcome stranger = fixture.say(USER, secret.slug(), "c1", "Hi?");
        ReplyOutcome own = fixture.say("300000000000000003", secret.slug(), "c1", "Hi?");

        assertThat(((ReplyOutcome.Failed) stranger).kind()).isEqualTo(ReplyOutcome.FailureKind.PERSONALITY_NOT_FOUND);
        assertThat(((ReplyOutcome.Replied) own).content()).isEqualTo("Hello, owner.");
    }

    @Test
    void flightRecordsOlderThanADayAreSweptAway() {
        fixture(null).model.enqueue(FakeReply.text("Recorded."));
        ReplyOutcome outcome = fixture.say(USER, "ada", "c1", "Remember this reply.");
        fixture.engine.awaitRecorded(outcome.requestId());

        Clock tomorrow = Clock.offset(Clock.systemUTC(), Duration.ofHours(25));
        assertThat(io.tzurot.app.wiring.ReplyEngineSweeps.sweep(fixture.repos, Clock.systemUTC())).isZero();
        assertThat(io.tzurot.app.wiring.ReplyEngineSweeps.sweep(fixture.repos, tomorrow)).isEqualTo(1);
        assertThat(fixture.engine.flightRecorder().findJson(outcome.requestId())).isEmpty();
    }
}
