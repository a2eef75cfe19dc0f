package io.tzurot.web.chat;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.webchannel.WebChannelIds;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /api/v1/chat} and {@code GET /api/v1/replies/{id}}: who may do what, bad input, long-poll. */
@ExtendWith(SecretLogScan.class)
class ChatApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationHarness h;
    private String alice;
    private String bob;
    private String owner;
    private Personality publicOne;
    private Personality bobsPrivate;

    @BeforeEach
    void start() {
        h = new ConversationHarness();
        alice = h.token(ALICE);
        bob = h.token(BOB);
        owner = h.token(OWNER);
        publicOne = h.personality(owner, "lilith", true);
        bobsPrivate = h.personality(bob, "secret", false);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String chat(String token, String body) {
        HttpResponse<String> r = h.postJson("/api/v1/chat", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json(r).get("replyId").asText();
    }

    @Test
    void aChatStartsAReplyJobAsTheSignedInUserInTheirWebChannel() {
        String replyId = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hi there\"}");

        ReplyRequest request = h.replies.requests().get(0);
        assertThat(request.requestId()).isEqualTo(replyId);
        assertThat(java.util.UUID.fromString(replyId)).isNotNull();
        assertThat(request.platform()).isEqualTo(Platform.WEB);
        assertThat(request.speaker().discordId()).isEqualTo(ALICE);
        assertThat(request.personality()).isEqualTo("lilith");
        assertThat(request.message()).isEqualTo("Hi there");
        assertThat(request.channelId()).startsWith("w").hasSize(WebChannelIds.MAX_LENGTH)
                .isEqualTo(h.channels.defaultFor(h.actor(alice).userId()).id())
                .isNotEqualTo(h.channels.defaultFor(h.actor(bob).userId()).id())
                .isNotEqualTo(WebChannelIds.legacyDefault(h.actor(alice).userId()));
    }

    @Test
    void aClientThatDoesNotFollowTheTextSaysSoAndStillGetsTheWholeReply() {
        String followed = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Stream it\"}");
        String whole = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Just answer\", \"stream\": false}");
        String explicit = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Stream it too\", \"stream\": true}");

        assertThat(h.replies.streamed(followed)).isTrue();
        assertThat(h.replies.streamed(explicit)).isTrue();
        assertThat(h.replies.streamed(whole)).isFalse();
        JsonNode reply = json(h.get("/api/v1/replies/" + whole + "?wait=30", alice));
        assertThat(reply.get("status").asText()).isEqualTo("done");
        assertThat(reply.get("content").asText()).isNotBlank();
    }

    @Test
    void theReplyCarriesContentModelFooterAndRecalledMemoriesWithScores() {
        Persona persona = h.persona(alice, "Al");
        Memory memory = h.memory(persona, publicOne, "Alice likes green tea");
        h.replies.script(r -> ScriptedReplyService.replied(r, "Green tea again?", List.of(ConversationHarness.recalled(memory, 0.87))));
        String replyId = chat(alice, "{\"personality\": \"lilith\", \"message\": \"What do I drink?\"}");

        JsonNode reply = json(h.get("/api/v1/replies/" + replyId + "?wait=30", alice));
        assertThat(reply.get("status").asText()).isEqualTo("done");
        assertThat(reply.get("replyId").asText()).isEqualTo(replyId);
        assertThat(reply.get("content").asText()).isEqualTo("Green tea again?");
        assertThat(reply.get("model").asText()).isEqualTo("test/model-1");
        assertThat(reply.get("footer").asText()).isEqualTo("-# test/model-1");
        assertThat(reply.get("error").isNull()).isTrue();
        assertThat(reply.get("memories")).hasSize(1);
        assertThat(reply.get("memories").get(0).get("id").asText()).isEqualTo(memory.id().toString());
        assertThat(reply.get("memories").get(0).get("score").asDouble()).isEqualTo(0.87);
        assertThat(reply.get("memories").get(0).get("preview").asText()).isEqualTo("Alice likes green tea");
    }

    @Test
    void aReplyIsPendingUntilTheEngineAnswersAndALongPollReturnsWhenItDoes() throws Exception {
        h.replies.hold();
        String replyId = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hello\"}");
        assertThat(json(h.get("/api/v1/replies/" + replyId, alice)).get("status").asText()).isEqualTo("pending");
        assertThat(json(h.get("/api/v1/replies/" + replyId + "?wait=0", alice)).get("content").isNull()).isTrue();

        CompletableFuture<HttpResponse<String>> waiting = h.http().sendAsync(HttpRequest.newBuilder(
                        URI.create(h.base() + "/api/v1/replies/" + replyId + "?wait=60"))
                .header("Authorization", "Bearer " + alice).build(), HttpResponse.BodyHandlers.ofString());
        h.replies.release(replyId);
        HttpResponse<String> answered = waiting.get();
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(json(answered).get("status").asText()).isEqualTo("done");
        assertThat(json(answered).get("content").asText()).isEqualTo("Hello from the test engine.");
    }

    @Test
    void anEngineThatBreaksGivesAFailedReplyNotAnError() {
        h.replies.script(r -> {
            throw new IllegalStateException("engine exploded");
        });
        String replyId = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hello\"}");
        JsonNode reply = json(h.get("/api/v1/replies/" + replyId + "?wait=30", alice));
        assertThat(reply.get("status").asText()).isEqualTo("failed");
        assertThat(reply.get("errorKind").asText()).isEqualTo("internal");
        assertThat(reply.get("error").asText()).contains("Something went wrong").doesNotContain("exploded");
        assertThat(reply.get("content").isNull()).isTrue();
    }

    @Test
    void onlyTheSenderReadsAReplyNotOtherUsersNorTheOwnerNorAnonymous() {
        String replyId = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Private words\"}");
        assertThat(h.get("/api/v1/replies/" + replyId + "?wait=30", alice).statusCode()).isEqualTo(200);
        HttpResponse<String> asBob = h.get("/api/v1/replies/" + replyId, bob);
        assertThat(asBob.statusCode()).isEqualTo(404);
        assertThat(asBob.body()).doesNotContain("Private words").doesNotContain("test engine");
        assertThat(h.get("/api/v1/replies/" + replyId, owner).statusCode()).isEqualTo(404);
        assertThat(h.get("/api/v1/replies/" + replyId, null).statusCode()).isEqualTo(401);
        assertThat(h.get("/api/v1/replies/" + replyId + "/events", bob).statusCode()).isEqualTo(404);
        assertThat(h.get("/api/v1/replies/" + replyId + "/events", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anonymousCannotChat() {
        HttpResponse<String> r = h.postJson("/api/v1/chat", null, "{\"personality\": \"lilith\", \"message\": \"Hi\"}");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("unauthenticated");
        assertThat(h.replies.requests()).isEmpty();
    }

    @Test
    void privateCharactersAreReachableOnlyByTheirOwnerAndTheBotOwner() {
        HttpResponse<String> asAlice = h.postJson("/api/v1/chat", alice, "{\"personality\": \"secret\", \"message\": \"Hi\"}");
        assertThat(asAlice.statusCode()).isEqualTo(404);
        assertThat(json(asAlice).get("message").asText()).contains("'secret'");
        chat(bob, "{\"personality\": \"secret\", \"message\": \"Hi\"}");
        chat(owner, "{\"personality\": \"secret\", \"message\": \"Hi\"}");
        assertThat(h.replies.requests()).extracting(ReplyRequest::personality).containsExactly(bobsPrivate.slug(), "secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"message\": \"Hi\"}",
            "{\"personality\": \"lilith\"}",
            "{\"personality\": \"  \", \"message\": \"Hi\"}",
            "{\"personality\": \"lilith\", \"message\": \"   \"}",
            "{\"personality\": \"lilith\", \"message\": 5}",
            "{\"personality\": \"lilith\", \"message\": \"Hi\", \"persona\": \"x\"}",
            "{\"personality\": \"lilith\", \"message\": \"Hi\", \"channelId\": 5}",
            "{\"personality\": \"lilith\", \"message\": \"Hi\", \"stream\": \"no\"}",
            "[1, 2]",
            "not json"})
    void badChatBodiesAre400sNamingTheProblem(String body) {
        HttpResponse<String> r = h.postJson("/api/v1/chat", alice, body);
        assertThat(r.statusCode()).as(body).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("bad_request");
        assertThat(json(r).get("message").asText()).isNotBlank();
        assertThat(h.replies.requests()).isEmpty();
    }

    @Test
    void anOversizedMessageIsRefusedWithItsLength() {
        String big = "x".repeat(ReplyRequest.MAX_MESSAGE_LENGTH + 1);
        HttpResponse<String> r = h.postJson("/api/v1/chat", alice, "{\"personality\": \"lilith\", \"message\": \"" + big + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("message");
        assertThat(json(r).get("message").asText()).contains("16000");
    }

    @Test
    void aCreatedChannelIsItsCreatorsAndEveryOtherChannelIsA404LikeAMissingOne() {
        HttpResponse<String> made = h.postJson("/api/v1/channels", alice, "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String side = json(made).get("id").asText();
        assertThat(side).startsWith("w").hasSize(WebChannelIds.MAX_LENGTH);
        chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hi\", \"channelId\": \"" + side + "\"}");
        assertThat(h.replies.requests().get(0).channelId()).isEqualTo(side);
        JsonNode listed = json(h.get("/api/v1/channels", alice));
        assertThat(listed.get("channels")).hasSize(2);
        assertThat(listed.get("channels").get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(listed.get("channels").get(1).get("id").asText()).isEqualTo(side);

        String missing = refusedChannel(alice, "wNoSuchChannel12345");
        String aliceLegacy = WebChannelIds.legacyDefault(h.actor(alice).userId());
        for (String token : List.of(bob, owner)) {
            assertThat(refusedChannel(token, side)).isEqualTo(missing.replace("wNoSuchChannel12345", side));
            assertThat(refusedChannel(token, h.channels.defaultFor(h.actor(alice).userId()).id())).contains("not found");
            assertThat(refusedChannel(token, aliceLegacy)).contains("not found");
        }
        // a Discord channel cannot be proven from the web: refused for everyone, the bot owner included
        for (String token : List.of(alice, owner)) {
            assertThat(refusedChannel(token, "123456789012345678")).contains("not found");
        }
        assertThat(refusedChannel(alice, "has space")).contains("not found");
        assertThat(refusedChannel(alice, "x".repeat(21))).contains("not found");
        assertThat(h.replies.requests()).hasSize(1);
    }

    /** The 404 body of a chat into this channel; nothing is started. */
    private String refusedChannel(String token, String channelId) {
        HttpResponse<String> r = h.postJson("/api/v1/chat", token,
                "{\"personality\": \"lilith\", \"message\": \"Hi\", \"channelId\": \"" + channelId + "\"}");
        assertThat(r.statusCode()).as(channelId).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("not_found");
        assertThat(json(r).get("field").asText()).isEqualTo("channelId");
        return r.body();
    }

    @ParameterizedTest
    @ValueSource(strings = {"61", "-1", "abc", "1.5", ""})
    void waitOutOfRangeIsA400(String wait) {
        String replyId = chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hi\"}");
        HttpResponse<String> r = h.get("/api/v1/replies/" + replyId + "?wait=" + wait, alice);
        assertThat(r.statusCode()).as(wait).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("wait");
    }

    @Test
    void unknownRepliesAre404() {
        assertThat(h.get("/api/v1/replies/" + java.util.UUID.randomUUID(), alice).statusCode()).isEqualTo(404);
        assertThat(h.get("/api/v1/replies/nonsense?wait=5", alice).statusCode()).isEqualTo(404);
        assertThat(h.get("/api/v1/replies/" + java.util.UUID.randomUUID() + "/events", alice).statusCode()).isEqualTo(404);
    }

    @Test
    void theRoutesAreInTheOpenApiDocument() {
        String doc = h.get("/api/v1/openapi.json", null).body();
        assertThat(doc).contains("/api/v1/chat", "/api/v1/replies/{replyId}", "/api/v1/replies/{replyId}/events",
                "/api/v1/memories", "/api/v1/memories/search", "/api/v1/memories/{id}", "/api/v1/history",
                "/api/v1/history/clear", "/api/v1/history/undo", "/api/v1/diagnostics/{replyId}");
    }

    @Test
    void tooManyRepliesOnTheWayAre429UntilOneFinishes() {
        h.replies.hold();
        for (int i = 0; i < ConversationHarness.MAX_IN_FLIGHT; i++) {
            chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hi " + i + "\"}");
        }
        HttpResponse<String> refused = h.postJson("/api/v1/chat", alice, "{\"personality\": \"lilith\", \"message\": \"More\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("error").asText()).isEqualTo("too_many_requests");
        assertThat(refused.headers().firstValue("Retry-After")).contains(String.valueOf(ChatApi.RETRY_AFTER_SECONDS));
        chat(bob, "{\"personality\": \"lilith\", \"message\": \"Bob is not limited by Alice\"}");

        String first = h.replies.requests().get(0).requestId();
        h.replies.release(first);
        assertThat(json(h.get("/api/v1/replies/" + first + "?wait=30", alice)).get("status").asText()).isEqualTo("done");
        chat(alice, "{\"personality\": \"lilith\", \"message\": \"Now there is room\"}");
    }

    @Test
    void theBotOwnersInFlightLimitAppliesOnceReadAgain() {
        h.replies.hold();
        for (int i = 0; i < ConversationHarness.MAX_IN_FLIGHT; i++) {
            chat(alice, "{\"personality\": \"lilith\", \"message\": \"Hi " + i + "\"}");
        }
        h.rateLimits.set(new io.tzurot.core.limits.RateLimits(10, 10, 20, 30, ConversationHarness.MAX_IN_FLIGHT + 1), null);
        h.clock.advance(io.tzurot.core.limits.CurrentRateLimits.REFRESH);

        chat(alice, "{\"personality\": \"lilith\", \"message\": \"One more fits now\"}");
        HttpResponse<String> refused = h.postJson("/api/v1/chat", alice, "{\"personality\": \"lilith\", \"message\": \"Not this\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).get("message").asText()).contains((ConversationHarness.MAX_IN_FLIGHT + 1) + " replies on the way");
        assertThat(refused.headers().firstValue("Retry-After")).contains(String.valueOf(ChatApi.RETRY_AFTER_SECONDS));
    }
}
