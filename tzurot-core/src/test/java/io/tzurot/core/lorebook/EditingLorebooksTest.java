package io.tzurot.core.lorebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Editing one's own lorebooks by hand: every value checked, nothing written on a refusal, other owners' books unseen. */
class EditingLorebooksTest {

    private final MapLorebooks repo = new MapLorebooks();
    private final EditingLorebooks editing = new EditingLorebooks(repo);
    private final Actor alice = new Actor(UUID.randomUUID(), "1", false);
    private final Actor bob = new Actor(UUID.randomUUID(), "2", false);
    private final Actor owner = new Actor(UUID.randomUUID(), "3", true);

    private static EntryDraft full(String keys, String content) {
        return new EntryDraft(keys, "night, dark", "and_all", content, "The moon", false, true, "at_depth", 3, "user",
                200, 50, 2, 1, 0, "sky", true, false);
    }

    @Test
    void createsRenamesAndListsOnlyTheCallersBooks() {
        Lorebook moon = editing.create(alice, "  Moon lore ");
        editing.create(bob, "Bob's book");
        assertThat(moon.name()).isEqualTo("Moon lore");
        assertThat(editing.rename(alice, moon.id(), "Lunar").name()).isEqualTo("Lunar");
        assertThat(editing.list(alice)).extracting(LorebookSummary::name).containsExactly("Lunar");
        assertThatThrownBy(() -> editing.create(alice, " ")).isInstanceOf(DomainException.class)
                .hasMessageContaining("'name' is required");
        assertThatThrownBy(() -> editing.create(alice, "a\nb")).hasMessageContaining("single line");
    }

    @Test
    void addsAnEntryWithEverySettingAndReadsItBackAsADraft() {
        Lorebook moon = editing.create(alice, "Moon");
        Lorebook saved = editing.addEntry(alice, moon.id(), full("moon, lunar\n/tid(e|al)/i", "The moon is hollow."));
        LorebookEntry e = saved.content().entries().get(0);
        assertThat(e.entryId()).isEqualTo("0");
        assertThat(e.keys()).containsExactly("moon", "lunar", "/tid(e|al)/i");
        assertThat(e.secondaryKeys()).containsExactly("night", "dark");
        assertThat(e.matching().selective()).isTrue();
        assertThat(e.matching().selectiveLogic()).isEqualTo(3);
        assertThat(e.matching().probability()).isEqualTo(50);
        assertThat(e.matching().useProbability()).isTrue();
        assertThat(e.placement().position()).isEqualTo(4);
        assertThat(e.placement().depth()).isEqualTo(3);
        assertThat(e.placement().role()).isEqualTo(1);
        assertThat(e.placement().insertionOrder()).isEqualTo(200);
        assertThat(e.timing()).isEqualTo(new LorebookEntry.Timing(2, 1, 0));
        assertThat(e.grouping().group()).isEqualTo("sky");
        assertThat(e.matching().caseSensitive()).isTrue();
        assertThat(e.matching().matchWholeWords()).isFalse();
        EntryDraft back = EntryDraft.of(e);
        assertThat(back.keys()).isEqualTo("moon, lunar\n/tid(e|al)/i");
        assertThat(back.logic()).isEqualTo("and_all");
        assertThat(back.position()).isEqualTo("at_depth");
        assertThat(back.role()).isEqualTo("user");
        assertThat(editing.addEntry(alice, moon.id(), EntryDraft.text("sun", null, "Hot.", null)).content().entries()
                .get(1).entryId()).isEqualTo("1");
    }

    @Test
    void anEditKeepsWhatTheEditorDoesNotShow() {
        Lorebook moon = editing.create(alice, "Moon");
        editing.addEntry(alice, moon.id(), full("moon", "Hollow."));
        Lorebook edited = editing.editEntry(alice, moon.id(), 1, EntryDraft.text("moon, luna", "", "Made of cheese.",
                null));
        LorebookEntry e = edited.content().entries().get(0);
        assertThat(e.keys()).containsExactly("moon", "luna");
        assertThat(e.secondaryKeys()).isEmpty();
        assertThat(e.content()).isEqualTo("Made of cheese.");
        assertThat(e.comment()).isEqualTo("The moon");
        assertThat(e.placement().depth()).isEqualTo(3);
        assertThat(e.timing().sticky()).isEqualTo(2);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndNothingIsWritten() {
        Lorebook moon = editing.create(alice, "Moon");
        int writes = repo.writes;
        assertInvalid(() -> editing.addEntry(alice, moon.id(), EntryDraft.text("", null, "x", null)), "keys",
                "at least one key, unless it is constant");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), EntryDraft.text("/moon(/", null, "x", null)), "keys",
                "not a regex that compiles");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), EntryDraft.text("moon", null, " ", null)), "content",
                "'content' is required");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), new EntryDraft("moon", null, "maybe", "x", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null)), "logic", "and_any");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), new EntryDraft("moon", null, null, "x", null, null,
                null, "sideways", null, null, null, null, null, null, null, null, null, null)), "position", "at_depth");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), new EntryDraft("moon", null, null, "x", null, null,
                null, null, null, null, null, 101, null, null, null, null, null, null)), "probability", "0 to 100");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), new EntryDraft("moon", null, null, "x", null, null,
                null, null, null, null, null, null, -1, null, null, null, null, null)), "sticky", "0 to 1000");
        assertInvalid(() -> editing.addEntry(alice, moon.id(), new EntryDraft("moon", null, null, "x", null, null,
                null, null, null, "narrator", null, null, null, null, null, null, null, null)), "role", "system");
        assertThat(repo.writes).isEqualTo(writes);
        assertThat(repo.find(moon.id()).orElseThrow().content().entries()).isEmpty();
        // a constant entry needs no key
        assertThat(editing.addEntry(alice, moon.id(), new EntryDraft("", null, null, "Always.", null, true, null, null,
                null, null, null, null, null, null, null, null, null, null)).content().entries()).hasSize(1);
    }

    @Test
    void anotherUsersBookIsNotFoundButTheBotOwnerReachesIt() {
        Lorebook moon = editing.create(alice, "Moon");
        editing.addEntry(alice, moon.id(), EntryDraft.text("moon", null, "Hollow.", null));
        assertNotFound(() -> editing.view(bob, moon.id()));
        assertNotFound(() -> editing.addEntry(bob, moon.id(), EntryDraft.text("x", null, "y", null)));
        assertNotFound(() -> editing.removeEntry(bob, moon.id(), 1));
        assertNotFound(() -> editing.rename(bob, moon.id(), "Mine"));
        assertNotFound(() -> editing.delete(bob, moon.id()));
        assertNotFound(() -> editing.removeEntry(alice, moon.id(), 2));
        assertThat(editing.view(owner, moon.id()).name()).isEqualTo("Moon");
        assertThat(editing.removeEntry(alice, moon.id(), 1).content()).isEqualTo("Hollow.");
        editing.delete(alice, moon.id());
        assertThat(repo.books).isEmpty();
    }

    @Test
    void keysSplitOnCommasAndLinesButARegexLineStaysWhole() {
        assertThat(EntryDraft.parseKeys("a, b,,c\n /x{1,3}/i \n a")).containsExactly("a", "b", "c", "/x{1,3}/i");
        assertThat(EntryDraft.joinKeys(List.of("a", "/x{1,3}/i", "b"))).isEqualTo("a, b\n/x{1,3}/i");
        assertThat(EntryDraft.parseKeys(null)).isEmpty();
    }

    private static void assertInvalid(Runnable call, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
            assertThat(e.error().field()).isEqualTo(field);
        }).hasMessageContaining(message);
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isInstanceOf(DomainError.NotFound.class));
    }
}
