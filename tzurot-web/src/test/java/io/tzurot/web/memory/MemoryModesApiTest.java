package io.tzurot.web.memory;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.storage.db.Dialect;
import io.tzurot.web.chat.ConversationHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The incognito and focus routes on H2 and PostgreSQL: the same rules as {@code /memory}, and bad input named. */
class MemoryModesApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract static class Contract {
        private final Dialect dialect;
        ConversationHarness h;
        String alice;
        String bob;
        Personality lilith;
        Personality secret;
        Persona alicePersona;

        Contract(Dialect dialect) {
            this.dialect = dialect;
        }

        @BeforeEach
        void start() {
            h = new ConversationHarness(dialect);
            alice = h.token(ALICE);
            bob = h.token(BOB);
            String owner = h.token(OWNER);
            lilith = h.personality(owner, "lilith", true);
            secret = h.personality(owner, "secret", false);
            alicePersona = h.persona(alice, "Al");
        }

        @AfterEach
        void stop() {
            if (h != null) {
                h.close();
            }
        }

        @Test
        void incognitoStartsListsEndsAndCoversOnlyItsCaller() {
            HttpResponse<String> on = h.postJson("/api/v1/incognito", alice,
                    "{\"personality\": \"lilith\", \"duration\": \"1h\"}");
            assertThat(on.statusCode()).isEqualTo(201);
            assertThat(json(on).path("duration").asText()).isEqualTo("1h");
            assertThat(json(on).path("personalityId").asText()).isEqualTo(lilith.id().toString());
            assertThat(h.modes.incognito().status(h.actor(alice))).hasSize(1);
            assertThat(json(h.get("/api/v1/incognito", bob)).path("sessions")).isEmpty();

            HttpResponse<String> all = h.postJson("/api/v1/incognito", alice,
                    "{\"personality\": \"all\", \"duration\": \"forever\"}");
            assertThat(json(all).path("expiresAt").isNull()).isTrue();
            JsonNode sessions = json(h.get("/api/v1/incognito", alice)).path("sessions");
            assertThat(sessions).hasSize(2);
            assertThat(sessions.get(0).path("personalityId").asText()).isEqualTo("all");

            JsonNode ended = json(h.send("DELETE", "/api/v1/incognito?personality=lilith", alice, null, null));
            assertThat(ended.path("ended").asInt()).isEqualTo(1);
            assertThat(ended.path("stillCoveredByAll").asBoolean()).isTrue();
            assertThat(json(h.send("DELETE", "/api/v1/incognito?personality=all", alice, null, null))
                    .path("ended").asInt()).isEqualTo(1);
            assertThat(json(h.get("/api/v1/incognito", alice)).path("sessions")).isEmpty();
        }

        @Test
        void badDurationsAndInvisibleCharactersAreRefusedAndNothingStarts() {
            HttpResponse<String> bad = h.postJson("/api/v1/incognito", alice,
                    "{\"personality\": \"lilith\", \"duration\": \"2h\"}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("30m, 1h, 4h, forever").contains("duration");
            assertThat(h.postJson("/api/v1/incognito", alice, "{\"personality\": \"secret\", \"duration\": \"1h\"}")
                    .statusCode()).isEqualTo(404);
            assertThat(h.postJson("/api/v1/incognito/forget", alice, "{\"personality\": \"all\", \"timeframe\": \"7d\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(json(h.get("/api/v1/incognito", alice)).path("sessions")).isEmpty();
        }

        @Test
        void forgetDeletesOnlyTheRecentWindow() {
            Memory old = h.memory(alicePersona, lilith, "an old memory about the sea");
            h.clock.advance(Duration.ofHours(2));
            Memory recent = h.memory(alicePersona, lilith, "a recent memory about the garden");

            HttpResponse<String> forgot = h.postJson("/api/v1/incognito/forget", alice,
                    "{\"personality\": \"lilith\", \"timeframe\": \"15m\"}");

            assertThat(json(forgot).path("deleted").asInt()).isEqualTo(1);
            assertThat(h.services.memories().find(recent.id())).isEmpty();
            assertThat(h.services.memories().find(old.id())).isPresent();
        }

        @Test
        void focusIsSetAndReadThroughTheSettingsTier() {
            assertThat(json(h.get("/api/v1/focus?personality=lilith", alice)).path("enabled").asBoolean()).isFalse();
            HttpResponse<String> on = h.send("PUT", "/api/v1/focus", alice, "application/json",
                    "{\"personality\": \"lilith\", \"enabled\": true}");
            assertThat(on.statusCode()).isEqualTo(200);
            assertThat(json(on).path("enabled").asBoolean()).isTrue();
            assertThat(json(h.get("/api/v1/focus?personality=lilith", alice)).path("enabled").asBoolean()).isTrue();
            assertThat(json(h.get("/api/v1/focus?personality=lilith", bob)).path("enabled").asBoolean()).isFalse();
            assertThat(h.send("PUT", "/api/v1/focus", alice, "application/json", "{\"personality\": \"lilith\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(h.get("/api/v1/focus?personality=secret", alice).statusCode()).isEqualTo(404);
            assertThat(h.modes.focus().enabled(h.actor(alice), lilith, null)).isTrue();
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
