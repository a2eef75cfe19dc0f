package io.tzurot.web.memory;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.chat.ConversationHarness;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console → Memories and Console → Chat as HTML: what they show, and that changes need the console itself. */
class MemoryPagesTest {

    private ConversationHarness h;
    private String alice;
    private String bob;
    private Personality lilith;
    private Persona al;

    @BeforeEach
    void start() {
        h = new ConversationHarness();
        alice = h.token(ALICE);
        bob = h.token(BOB);
        lilith = h.personality(h.token(OWNER), "lilith", true);
        al = h.persona(alice, "Al");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private HttpResponse<String> htmx(String method, String path, String token, String form) {
        return h.send(method, path, token, form == null ? null : "application/x-www-form-urlencoded", form, "HX-Request", "true");
    }

    @Test
    void browsingAndSearchingShowTheMemoriesWithScores() {
        h.memory(al, lilith, "Al grows <b>tomatoes</b> on the balcony");
        h.memory(al, lilith, "Al is afraid of spiders");

        String list = h.get("/console/memories?personality=lilith", alice).body();
        assertThat(list).contains("Memories of Al", "1–2 of 2", "afraid of spiders", "&lt;b&gt;tomatoes&lt;/b&gt;")
                .doesNotContain("<b>tomatoes</b>");

        String found = h.get("/console/memories?personality=lilith&q=" + URLEncoder.encode("tomatoes balcony", StandardCharsets.UTF_8),
                alice).body();
        assertThat(found).contains("Closest to", "score ");
        assertThat(found.indexOf("tomatoes")).isLessThan(found.indexOf("spiders"));

        assertThat(h.get("/console/memories", bob).body()).contains("You have no persona yet");
        assertThat(h.get("/console/memories", null).statusCode()).isEqualTo(401);
        assertThat(h.get("/console/memories?q=" + "q".repeat(501), alice).statusCode()).isEqualTo(400);
    }

    @Test
    void aSummaryIsMarkedInTheConsoleAndTheApiAndItsDeletionGivesTheOriginalsBack() {
        java.util.List<Memory> originals = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            originals.add(h.memory(al, lilith, "Al waters the tomatoes, day " + i));
        }
        java.util.UUID id = java.util.UUID.randomUUID();
        float[] vector = new float[384];
        vector[0] = 1f;
        assertThat(new io.tzurot.storage.memory.JdbiSummaryRepository(h.database).store(
                new io.tzurot.core.summaries.NewSummary(id, al.id(), lilith.id(), "web1", null,
                        "{user} watered the tomatoes for three days.", vector, originals.get(0).createdAt(),
                        originals.get(2).createdAt(), originals.stream().map(Memory::id).toList(),
                        originals.get(2).createdAt()))).isTrue();

        String list = h.get("/console/memories?personality=lilith", alice).body();
        assertThat(list).contains("📜 summary of 3 memories", "watered the tomatoes for three days", "summarized");
        String json = h.get("/api/v1/memories?personality=lilith", alice).body();
        assertThat(json).contains("\"summary\":true", "\"originals\":3", "\"summarizedBy\":\"" + id + "\"");

        assertThat(htmx("DELETE", "/console/memories/" + id, alice, null).statusCode()).isEqualTo(200);
        assertThat(h.services.memories().find(originals.get(0).id()).orElseThrow().summarizedBy()).isNull();
        assertThat(h.get("/console/memories?personality=lilith", alice).body()).doesNotContain("📜", "summarized");
    }

    @Test
    void editAndDeleteFromTheConsole() {
        Memory m = h.memory(al, lilith, "Al drives a blue car");
        String path = "/console/memories/" + m.id();

        assertThat(h.send("PATCH", path, alice, "application/x-www-form-urlencoded", "content=x").statusCode())
                .as("not from htmx").isEqualTo(403);
        assertThat(htmx("PATCH", path, bob, "content=stolen").statusCode()).isEqualTo(404);

        HttpResponse<String> edited = htmx("PATCH", path, alice, "content=" + URLEncoder.encode("Al drives a red car", StandardCharsets.UTF_8));
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("id=\"memory-" + m.id() + "\"", "Al drives a red car");
        assertThat(h.services.memories().find(m.id()).orElseThrow().content()).isEqualTo("Al drives a red car");

        HttpResponse<String> tooLong = htmx("PATCH", path, alice, "content=" + "x".repeat(2001));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("HX-Retarget")).contains("#console-alert");

        assertThat(h.send("DELETE", path, alice, null, null).statusCode()).as("not from htmx").isEqualTo(403);
        assertThat(htmx("DELETE", path, bob, null).statusCode()).isEqualTo(404);
        assertThat(htmx("DELETE", path, alice, null).statusCode()).isEqualTo(200);
        assertThat(h.get("/console/memories", alice).body()).doesNotContain("red car");
    }

    @Test
    void theChatPageShowsTheCharacterThePersonaAndTheConversation() {
        String page = h.get("/console/chat", alice).body();
        assertThat(page).contains("<h1>Chat</h1>", "data-personality=\"lilith\"", "/avatars/lilith.png",
                "You speak as <strong>Al</strong>", "No messages yet", "/console/chat/assets/chat.js");
        assertThat(h.get("/console/chat?personality=nobody", alice).statusCode()).isEqualTo(404);
        assertThat(h.get("/console/chat", null).statusCode()).isEqualTo(401);
        HttpResponse<String> script = h.get("/console/chat/assets/chat.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(h.get("/console/chat/assets/other.js", null).statusCode()).isEqualTo(404);
    }

    @Test
    void pickingAPersonaOnTheChatPageMakesItTheOneUsedWithThatCharacter() {
        Persona second = h.persona(alice, "Second");
        Persona bobs = h.persona(bob, "Bobby");
        String page = h.get("/console/chat?personality=lilith", alice).body();
        assertThat(page).contains("id=\"chat-persona\"", ">Second</option>", "You speak as <strong>Al</strong>");

        String form = "personality=lilith&persona=" + second.id();
        assertThat(h.send("POST", "/console/chat/persona", alice, "application/x-www-form-urlencoded", form).statusCode())
                .as("not from htmx").isEqualTo(403);
        assertThat(htmx("POST", "/console/chat/persona", alice, "personality=lilith&persona=" + bobs.id()).statusCode())
                .isEqualTo(404);
        assertThat(htmx("POST", "/console/chat/persona", alice, "personality=lilith&persona=nope").statusCode()).isEqualTo(400);
        HttpResponse<String> picked = htmx("POST", "/console/chat/persona", alice, form);
        assertThat(picked.statusCode()).isEqualTo(200);
        assertThat(picked.headers().firstValue("HX-Refresh")).contains("true");

        assertThat(h.get("/console/chat?personality=lilith", alice).body()).contains("You speak as <strong>Second</strong>");
        assertThat(h.get("/api/v1/memories?personality=lilith", alice).body()).contains(second.id().toString());
    }
}
