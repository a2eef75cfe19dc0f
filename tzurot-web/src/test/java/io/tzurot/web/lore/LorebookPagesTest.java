package io.tzurot.web.lore;

import static io.tzurot.web.lore.LoreConsoleHarness.ALICE;
import static io.tzurot.web.lore.LoreConsoleHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.personality.Personality;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's routes over HTTP: validation shown in the form with nothing written, other users' books unseen. */
class LorebookPagesTest {

    private LoreConsoleHarness h;

    @BeforeEach
    void start() {
        h = new LoreConsoleHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private Lorebook book(String token, String name) {
        return new EditingLorebooks(h.books).create(h.actor(token), name);
    }

    @Test
    void createAddEditAndRemoveEntriesThroughTheForms() {
        String alice = h.token(ALICE);
        HttpResponse<String> created = h.htmxForm("/console/lorebooks", alice, "name", "Moon lore");
        assertThat(created.statusCode()).isEqualTo(200);
        String location = created.headers().firstValue("HX-Redirect").orElseThrow();
        Lorebook moon = h.books.find(java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))
                .orElseThrow();
        assertThat(moon.name()).isEqualTo("Moon lore");

        HttpResponse<String> added = h.htmxForm("/console/lorebooks/" + moon.id() + "/entries", alice, "keys",
                "moon, lunar", "secondaryKeys", "night", "logic", "not_any", "content", "The moon is hollow.",
                "comment", "Hollow", "enabled", "true", "position", "at_depth", "depth", "2", "role", "assistant",
                "order", "150", "probability", "80", "sticky", "2", "cooldown", "1", "delay", "3", "group", "sky",
                "caseSensitive", "true", "wholeWords", "false");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.headers().firstValue("HX-Redirect")).contains("/console/lorebooks/" + moon.id() + "?added=1#entry-1");
        LorebookEntry e = h.books.find(moon.id()).orElseThrow().content().entries().get(0);
        assertThat(EntryDraft.of(e)).isEqualTo(new EntryDraft("moon, lunar", "night", "not_any",
                "The moon is hollow.", "Hollow", false, true, "at_depth", 2, "assistant", 150, 80, 2, 1, 3, "sky", true,
                false));

        HttpResponse<String> edited = h.htmxForm("/console/lorebooks/" + moon.id() + "/entries/1", alice, "keys",
                "moon", "content", "Cheese.", "constant", "true", "enabled", "true", "position", "before_character",
                "order", "10");
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("Saved.").contains("Cheese.");
        LorebookEntry after = h.books.find(moon.id()).orElseThrow().content().entries().get(0);
        assertThat(after.content()).isEqualTo("Cheese.");
        assertThat(after.matching().constant()).isTrue();
        assertThat(after.placement().position()).isZero();

        HttpResponse<String> page = h.get("/console/lorebooks/" + moon.id(), alice);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Test these keywords").contains("#1 moon"); // the form cleared the comment

        HttpResponse<String> removed = h.send("DELETE", "/console/lorebooks/" + moon.id() + "/entries/1", alice, null,
                null, "HX-Request", "true");
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(h.books.find(moon.id()).orElseThrow().content().entries()).isEmpty();
    }

    @Test
    void aBadValueIsShownNextToItsFieldAndNothingIsWritten() {
        String alice = h.token(ALICE);
        Lorebook moon = book(alice, "Moon");
        HttpResponse<String> bad = h.htmxForm("/console/lorebooks/" + moon.id() + "/entries", alice, "keys", "moon",
                "content", "Hollow.", "enabled", "true", "probability", "140");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"entry-0-probability-error\"")
                .contains("'probability' is a whole number from 0 to 100, got 140.")
                .contains("value=\"140\"").contains("Hollow.");
        HttpResponse<String> notNumber = h.htmxForm("/console/lorebooks/" + moon.id() + "/entries", alice, "keys",
                "moon", "content", "Hollow.", "depth", "deep");
        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body()).contains("'depth' is a whole number, not 'deep'.");
        HttpResponse<String> regex = h.htmxForm("/console/lorebooks/" + moon.id() + "/entries", alice, "keys",
                "/moon(/", "content", "Hollow.");
        assertThat(regex.body()).contains("id=\"entry-0-keys-error\"").contains("not a regex that compiles");
        assertThat(h.books.find(moon.id()).orElseThrow().content().entries()).isEmpty();
        HttpResponse<String> blankName = h.htmxForm("/console/lorebooks", alice, "name", " ");
        assertThat(blankName.statusCode()).isEqualTo(400);
        assertThat(blankName.body()).contains("'name' is required");
        assertThat(h.books.listOwned(h.actor(alice).userId())).hasSize(1);
    }

    @Test
    void anotherUsersBookIsNotFoundAndOnlyTheBotOwnerAttachesEverywhere() {
        String alice = h.token(ALICE);
        String bob = h.token(BOB);
        Lorebook moon = book(alice, "Moon");
        new EditingLorebooks(h.books).addEntry(h.actor(alice), moon.id(), EntryDraft.text("moon", null, "Hollow.",
                null));
        assertThat(h.get("/console/lorebooks/" + moon.id(), bob).statusCode()).isEqualTo(404);
        assertThat(h.htmxForm("/console/lorebooks/" + moon.id() + "/entries/1", bob, "keys", "x", "content", "y")
                .statusCode()).isEqualTo(404);
        assertThat(h.htmxForm("/console/lorebooks/" + moon.id() + "/test", bob, "text", "moon").statusCode())
                .isEqualTo(404);
        assertThat(h.get("/console/lorebooks", bob).body()).doesNotContain("Moon");
        assertThat(h.books.find(moon.id()).orElseThrow().content().entries().get(0).content()).isEqualTo("Hollow.");

        HttpResponse<String> global = h.htmxForm("/console/lorebooks/" + moon.id() + "/attachments", alice, "to",
                "everything", "action", "attach");
        assertThat(global.statusCode()).isEqualTo(403);
        assertThat(global.body()).contains("Only the bot owner may change the lorebooks of every reply.");
        Personality ada = h.personality(alice, "Ada");
        HttpResponse<String> attached = h.htmxForm("/console/lorebooks/" + moon.id() + "/attachments", alice, "to",
                "character", "character", "ada", "action", "attach");
        assertThat(attached.statusCode()).isEqualTo(200);
        assertThat(attached.body()).contains("Attached: it now fires for the character ada.");
        assertThat(h.books.attachedTo(ada.id())).extracting(Lorebook::id).containsExactly(moon.id());
        HttpResponse<String> detached = h.htmxForm("/console/lorebooks/" + moon.id() + "/attachments", alice, "to",
                "character", "character", "ada", "action", "detach");
        assertThat(detached.body()).contains("Detached");
        assertThat(h.books.attachedTo(ada.id())).isEmpty();
    }
}
