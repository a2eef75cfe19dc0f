package io.tzurot.web.history;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.storage.db.Dialect;
import io.tzurot.web.chat.ConversationHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** View, clear and undo of short-term history (the epoch of spec/datamodel.md §1.1), on H2 and PostgreSQL. */
class HistoryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract static class HistoryContract {
        private final Dialect dialect;
        ConversationHarness h;
        String alice;
        String bob;
        String owner;
        Personality lilith;
        Persona al;
        Persona bo;
        String aliceChannel;

        HistoryContract(Dialect dialect) {
            this.dialect = dialect;
        }

        @BeforeEach
        void start() {
            h = new ConversationHarness(dialect);
            alice = h.token(ALICE);
            bob = h.token(BOB);
            owner = h.token(OWNER);
            lilith = h.personality(owner, "lilith", true);
            al = h.persona(alice, "Al");
            bo = h.persona(bob, "Bo");
            aliceChannel = h.channels.defaultFor(h.actor(alice).userId()).id();
        }

        @AfterEach
        void stop() {
            if (h != null) {
                h.close();
            }
        }

        static JsonNode json(HttpResponse<String> r) {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void say(String channel, Persona persona, HistoryRole role, String text) {
            h.clock.advance(Duration.ofSeconds(1));
            h.services.history().append(HistoryMessage.create(channel, null, lilith.id(), persona.id(), role, text, null,
                    List.of(), "{}", h.clock.instant()));
        }

        List<String> shown(String token, String query) {
            HttpResponse<String> r = h.get("/api/v1/history?personality=lilith" + query, token);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return json(r).get("messages").findValuesAsText("content");
        }

        @Test
        void showsTheConversationOldestFirst() {
            say(aliceChannel, al, HistoryRole.USER, "Hello Lilith");
            say(aliceChannel, al, HistoryRole.ASSISTANT, "Hello Al");
            JsonNode history = json(h.get("/api/v1/history?personality=lilith", alice));
            assertThat(history.get("channelId").asText()).isEqualTo(aliceChannel);
            assertThat(history.get("personaId").asText()).isEqualTo(al.id().toString());
            assertThat(history.get("undoAvailable").asBoolean()).isFalse();
            assertThat(history.get("messages")).extracting(n -> n.get("role").asText()).containsExactly("user", "assistant");
            assertThat(shown(alice, "&limit=1")).containsExactly("Hello Al");
        }

        @Test
        void clearHidesAndUndoRestoresOnce() {
            say(aliceChannel, al, HistoryRole.USER, "Before the clear");
            HttpResponse<String> cleared = h.postJson("/api/v1/history/clear", alice, "{\"personality\": \"lilith\"}");
            assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
            assertThat(json(cleared).get("undoAvailable").asBoolean()).isTrue();
            assertThat(json(cleared).get("contextResetAt").asText()).isEqualTo(h.clock.instant().toString());
            say(aliceChannel, al, HistoryRole.USER, "After the clear");
            assertThat(shown(alice, "")).containsExactly("After the clear");

            HttpResponse<String> undone = h.postJson("/api/v1/history/undo", alice,
                    "{\"personality\": \"lilith\", \"persona\": \"" + al.id() + "\"}");
            assertThat(undone.statusCode()).isEqualTo(200);
            assertThat(json(undone).get("undoAvailable").asBoolean()).isFalse();
            assertThat(json(undone).get("contextResetAt").isNull()).isTrue();
            assertThat(shown(alice, "")).containsExactly("Before the clear", "After the clear");

            HttpResponse<String> again = h.postJson("/api/v1/history/undo", alice, "{\"personality\": \"lilith\"}");
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).get("error").asText()).isEqualTo("conflict");
        }

        @Test
        void aClearIsPerUserBobsHistoryIsUntouched() {
            String bobChannel = h.channels.defaultFor(h.actor(bob).userId()).id();
            say(aliceChannel, al, HistoryRole.USER, "Al speaks");
            say(bobChannel, bo, HistoryRole.USER, "Bo speaks");
            assertThat(shown(alice, "")).containsExactly("Al speaks");
            assertThat(shown(bob, "")).containsExactly("Bo speaks");

            assertThat(h.postJson("/api/v1/history/clear", alice, "{\"personality\": \"lilith\"}").statusCode()).isEqualTo(200);
            assertThat(shown(alice, "")).isEmpty();
            assertThat(shown(bob, "")).containsExactly("Bo speaks");
        }

        @Test
        void onlyTheChannelsOwnerReadsItEveryOtherChannelIsA404LikeAMissingOne() {
            say(aliceChannel, al, HistoryRole.USER, "Al's private note");
            assertThat(shown(alice, "&channelId=" + aliceChannel)).containsExactly("Al's private note");
            for (String token : List.of(bob, owner)) {
                for (String channel : List.of(aliceChannel, "wNoSuchChannel", "123456789012345678",
                        io.tzurot.core.webchannel.WebChannelIds.legacyDefault(h.actor(alice).userId()))) {
                    HttpResponse<String> r = h.get("/api/v1/history?personality=lilith&channelId=" + channel, token);
                    assertThat(r.statusCode()).as(channel).isEqualTo(404);
                    assertThat(json(r).get("field").asText()).isEqualTo("channelId");
                    assertThat(r.body()).doesNotContain("Al's private note");
                }
            }
        }

        @Test
        void permissionsAndBadInput() {
            assertThat(h.get("/api/v1/history?personality=lilith", null).statusCode()).isEqualTo(401);
            assertThat(h.postJson("/api/v1/history/clear", null, "{\"personality\": \"lilith\"}").statusCode()).isEqualTo(401);
            assertThat(h.postJson("/api/v1/history/undo", null, "{\"personality\": \"lilith\"}").statusCode()).isEqualTo(401);
            assertThat(h.get("/api/v1/history?personality=lilith&channelId=123456789", alice).statusCode())
                    .as("Discord channels cannot be proven from the web").isEqualTo(404);
            assertThat(h.get("/api/v1/history?personality=lilith&channelId=123456789", owner).statusCode()).isEqualTo(404);
            assertThat(h.get("/api/v1/history", alice).statusCode()).isEqualTo(400);
            assertThat(h.get("/api/v1/history?personality=nobody", alice).statusCode()).isEqualTo(404);
            assertThat(h.get("/api/v1/history?personality=lilith&limit=201", alice).statusCode()).isEqualTo(400);
            assertThat(h.get("/api/v1/history?personality=lilith&persona=" + bo.id(), alice).statusCode()).isEqualTo(404);
            assertThat(h.postJson("/api/v1/history/clear", alice, "{}").statusCode()).isEqualTo(400);
            assertThat(h.postJson("/api/v1/history/clear", alice, "{\"personality\": \"lilith\", \"extra\": 1}").statusCode())
                    .isEqualTo(400);
            assertThat(h.postJson("/api/v1/history/clear", alice, "{\"personality\": \"lilith\", \"persona\": \"" + bo.id() + "\"}")
                    .statusCode()).as("Bob's persona").isEqualTo(404);
            HttpResponse<String> noPersona = h.postJson("/api/v1/history/clear", owner, "{\"personality\": \"lilith\"}");
            assertThat(noPersona.statusCode()).isEqualTo(404);
            assertThat(json(noPersona).get("message").asText()).contains("no persona");
        }
    }

    @Nested
    class OnH2 extends HistoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends HistoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
