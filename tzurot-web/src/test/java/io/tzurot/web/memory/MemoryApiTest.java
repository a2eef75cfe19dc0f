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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The memory routes on H2 and PostgreSQL (pgvector): paging, semantic search, edit, delete, purge, and who may. */
class MemoryApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    abstract static class MemoryContract {
        private final Dialect dialect;
        ConversationHarness h;
        String alice;
        String bob;
        String owner;
        Personality lilith;
        Personality sam;
        Persona alicePersona;
        Persona bobPersona;

        MemoryContract(Dialect dialect) {
            this.dialect = dialect;
        }

        @BeforeEach
        void start() {
            h = new ConversationHarness(dialect);
            alice = h.token(ALICE);
            bob = h.token(BOB);
            owner = h.token(OWNER);
            lilith = h.personality(owner, "lilith", true);
            sam = h.personality(owner, "sam", true);
            alicePersona = h.persona(alice, "Al");
            bobPersona = h.persona(bob, "Bo");
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

        private List<Memory> aliceRemembers(int n) {
            List<Memory> made = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                made.add(h.memory(alicePersona, lilith, "Memory number " + i + " about the garden"));
                h.clock.advance(Duration.ofMinutes(1));
            }
            return made;
        }

        @Test
        void listsOwnMemoriesNewestFirstPageByPage() {
            List<Memory> made = aliceRemembers(3);
            h.memory(alicePersona, sam, "Something said to Sam");

            JsonNode first = json(h.get("/api/v1/memories?personality=lilith&limit=2", alice));
            assertThat(first.get("total").asLong()).isEqualTo(3);
            assertThat(first.get("hasMore").asBoolean()).isTrue();
            assertThat(first.get("personaId").asText()).isEqualTo(alicePersona.id().toString());
            assertThat(first.get("items")).extracting(n -> n.get("id").asText())
                    .containsExactly(made.get(2).id().toString(), made.get(1).id().toString());
            JsonNode second = json(h.get("/api/v1/memories?personality=lilith&limit=2&offset=2", alice));
            assertThat(second.get("items")).extracting(n -> n.get("id").asText()).containsExactly(made.get(0).id().toString());
            assertThat(second.get("hasMore").asBoolean()).isFalse();

            assertThat(json(h.get("/api/v1/memories", alice)).get("total").asLong()).as("all characters").isEqualTo(4);
            assertThat(json(h.get("/api/v1/memories?persona=" + alicePersona.id(), alice)).get("total").asLong()).isEqualTo(4);
        }

        @Test
        void nobodyElseListsAPersonasMemoriesNotEvenTheBotOwner() {
            aliceRemembers(1);
            assertThat(json(h.get("/api/v1/memories?personality=lilith", bob)).get("total").asLong()).as("Bob's own").isZero();
            assertThat(h.get("/api/v1/memories?persona=" + alicePersona.id(), bob).statusCode()).isEqualTo(404);
            assertThat(h.get("/api/v1/memories?persona=" + alicePersona.id(), owner).statusCode()).isEqualTo(404);
            assertThat(h.get("/api/v1/memories", null).statusCode()).isEqualTo(401);
            assertThat(json(h.get("/api/v1/memories", owner)).get("personaId").isNull()).as("the owner has no persona").isTrue();
        }

        @Test
        void searchFindsByMeaningBestFirstWithScores() {
            Memory tea = h.memory(alicePersona, lilith, "Alice drinks green tea every morning");
            h.memory(alicePersona, lilith, "The cat is called Pixel");
            h.memory(alicePersona, sam, "Sam knows about tea ceremonies");
            h.memory(bobPersona, lilith, "Bob drinks green tea too");

            JsonNode hits = json(h.postJson("/api/v1/memories/search", alice,
                    "{\"query\": \"green tea in the morning\", \"personality\": \"lilith\", \"limit\": 5}")).get("hits");
            assertThat(hits).hasSize(2);
            assertThat(hits.get(0).get("id").asText()).isEqualTo(tea.id().toString());
            assertThat(hits.get(0).get("score").asDouble()).isGreaterThan(hits.get(1).get("score").asDouble());
            assertThat(hits.get(0).get("personalityName").asText()).isEqualTo("Lilith");

            JsonNode across = json(h.postJson("/api/v1/memories/search", alice, "{\"query\": \"tea\"}")).get("hits");
            assertThat(across).extracting(n -> n.get("content").asText())
                    .contains("Sam knows about tea ceremonies").doesNotContain("Bob drinks green tea too");
            JsonNode one = json(h.postJson("/api/v1/memories/search", alice, "{\"query\": \"tea\", \"limit\": 1}")).get("hits");
            assertThat(one).hasSize(1);
        }

        @Test
        void searchInputIsChecked() {
            assertThat(h.postJson("/api/v1/memories/search", alice, "{\"query\": \"" + "q".repeat(501) + "\"}").statusCode())
                    .isEqualTo(400);
            for (String limit : List.of("0", "51", "\"5\"", "2.5")) {
                HttpResponse<String> r = h.postJson("/api/v1/memories/search", alice, "{\"query\": \"tea\", \"limit\": " + limit + "}");
                assertThat(r.statusCode()).as(limit).isEqualTo(400);
                assertThat(json(r).get("field").asText()).isEqualTo("limit");
            }
            assertThat(h.postJson("/api/v1/memories/search", alice, "{}").statusCode()).isEqualTo(400);
            assertThat(h.postJson("/api/v1/memories/search", alice, "{\"query\": \"tea\", \"persona\": \"nope\"}").statusCode())
                    .isEqualTo(400);
            assertThat(h.postJson("/api/v1/memories/search", alice, "{\"query\": \"tea\", \"personality\": \"nobody\"}").statusCode())
                    .isEqualTo(404);
            assertThat(h.postJson("/api/v1/memories/search", null, "{\"query\": \"tea\"}").statusCode()).isEqualTo(401);
        }

        @Test
        void anEditReEmbedsSoSearchMatchesTheNewText() {
            Memory m = h.memory(alicePersona, lilith, "Alice owns a red bicycle");
            int before = h.embeddings.calls();
            HttpResponse<String> edited = h.send("PATCH", "/api/v1/memories/" + m.id(), alice, "application/json",
                    "{\"content\": \"Alice sold her bicycle and bought a kayak\"}");
            assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
            assertThat(json(edited).get("content").asText()).isEqualTo("Alice sold her bicycle and bought a kayak");
            assertThat(h.embeddings.calls()).isEqualTo(before + 1);

            JsonNode hits = json(h.postJson("/api/v1/memories/search", alice, "{\"query\": \"kayak\"}")).get("hits");
            assertThat(hits.get(0).get("id").asText()).isEqualTo(m.id().toString());
            assertThat(hits.get(0).get("score").asDouble()).isPositive();
        }

        @Test
        void editsAreCheckedAndOnlyTheOwnerMayEdit() {
            Memory m = h.memory(alicePersona, lilith, "Alice owns a red bicycle");
            String path = "/api/v1/memories/" + m.id();
            assertThat(h.send("PATCH", path, bob, "application/json", "{\"content\": \"hijacked\"}").statusCode()).isEqualTo(404);
            assertThat(h.send("PATCH", path, owner, "application/json", "{\"content\": \"hijacked\"}").statusCode()).isEqualTo(404);
            assertThat(h.send("PATCH", path, null, "application/json", "{\"content\": \"hijacked\"}").statusCode()).isEqualTo(401);
            HttpResponse<String> tooLong = h.send("PATCH", path, alice, "application/json",
                    "{\"content\": \"" + "x".repeat(2001) + "\"}");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(json(tooLong).get("field").asText()).isEqualTo("content");
            assertThat(h.send("PATCH", path, alice, "application/json", "{}").statusCode()).isEqualTo(400);
            assertThat(h.send("PATCH", "/api/v1/memories/not-a-uuid", alice, "application/json", "{\"content\": \"x\"}")
                    .statusCode()).isEqualTo(400);
            assertThat(h.send("PATCH", "/api/v1/memories/" + UUID.randomUUID(), alice, "application/json", "{\"content\": \"x\"}")
                    .statusCode()).isEqualTo(404);
            assertThat(h.services.memories().find(m.id()).orElseThrow().content()).isEqualTo("Alice owns a red bicycle");
        }

        @Test
        void deleteHidesTheMemoryAndOnlyTheOwnerMayDelete() {
            Memory m = h.memory(alicePersona, lilith, "Forget me");
            String path = "/api/v1/memories/" + m.id();
            assertThat(h.send("DELETE", path, bob, null, null).statusCode()).isEqualTo(404);
            assertThat(h.send("DELETE", path, owner, null, null).statusCode()).isEqualTo(404);
            assertThat(h.send("DELETE", path, null, null, null).statusCode()).isEqualTo(401);
            assertThat(h.send("DELETE", path, alice, null, null).statusCode()).isEqualTo(204);
            assertThat(json(h.get("/api/v1/memories", alice)).get("total").asLong()).isZero();
            assertThat(h.send("DELETE", path, alice, null, null).statusCode()).as("already gone").isEqualTo(404);
            assertThat(h.send("PATCH", path, alice, "application/json", "{\"content\": \"back\"}").statusCode()).isEqualTo(404);
        }

        @Test
        void purgeDeletesOneCharactersUnlockedMemoriesOnly() {
            Memory kept = h.memory(alicePersona, lilith, "A core memory");
            h.services.memories().setLocked(kept.id(), true, h.clock.instant());
            aliceRemembers(2);
            h.memory(alicePersona, sam, "Sam's memory stays");
            Memory bobs = h.memory(bobPersona, lilith, "Bob's memory stays");

            assertThat(h.send("DELETE", "/api/v1/memories?personality=lilith", null, null, null).statusCode()).isEqualTo(401);
            assertThat(h.send("DELETE", "/api/v1/memories", alice, null, null).statusCode()).as("personality required").isEqualTo(400);
            assertThat(h.send("DELETE", "/api/v1/memories?personality=nobody", alice, null, null).statusCode()).isEqualTo(404);
            assertThat(h.send("DELETE", "/api/v1/memories?personality=lilith&persona=" + bobPersona.id(), alice, null, null)
                    .statusCode()).isEqualTo(404);

            HttpResponse<String> purged = h.send("DELETE", "/api/v1/memories?personality=lilith", alice, null, null);
            assertThat(purged.statusCode()).isEqualTo(200);
            assertThat(json(purged).get("deleted").asInt()).isEqualTo(2);
            JsonNode left = json(h.get("/api/v1/memories", alice)).get("items");
            assertThat(left).extracting(n -> n.get("content").asText()).containsExactlyInAnyOrder("A core memory", "Sam's memory stays");
            assertThat(h.services.memories().find(bobs.id())).isPresent();
        }

        @Test
        void pagingParametersAreChecked() {
            for (String q : List.of("limit=0", "limit=101", "offset=-1", "limit=x", "persona=nope", "persona=" + "x".repeat(40))) {
                assertThat(h.get("/api/v1/memories?" + q, alice).statusCode()).as(q).isEqualTo(400);
            }
            assertThat(h.get("/api/v1/memories?personality=nobody", alice).statusCode()).isEqualTo(404);
            assertThat(h.get("/api/v1/memories?persona=" + UUID.randomUUID(), alice).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class OnH2 extends MemoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends MemoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
