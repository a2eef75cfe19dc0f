package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.CHARS;
import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One scanner keeps parsed books between scans: an edited book or another book is never answered from the cache. */
class ParsedBooksTest {

    private final LorebookScanner scanner = new LorebookScanner(CHARS, () -> 0.0);

    private LoreActivation scan(LoreBook book, String message) {
        return scanner.scan(new LoreScanRequest(List.of(book), chat(message), 10_000, LoreSettings.DEFAULTS),
                LoreTiming.START);
    }

    @Test
    void theSameContentIsParsedOnceAndStillAnswersEachChat() {
        LoreBook book = book(entry("1", "x", "dragon"), entry("2", "@@dont_activate\ny", "knight"));
        ParsedBooks parsed = new ParsedBooks();

        assertThat(parsed.entries(book)).isSameAs(parsed.entries(book));
        assertThat(ids(scan(book, "a dragon"))).containsExactly("1");
        assertThat(ids(scan(book, "a knight"))).isEmpty();
        assertThat(ids(scan(book, "a dragon and a knight"))).containsExactly("1");
    }

    @Test
    void anEditedBookIsAnsweredByItsNewKeys() {
        assertThat(ids(scan(book(entry("1", "x", "dragon")), "a dragon"))).containsExactly("1");

        LoreBook edited = book(entry("1", "x", "wyvern"));
        assertThat(ids(scan(edited, "a dragon"))).isEmpty();
        assertThat(ids(scan(edited, "a wyvern"))).containsExactly("1");
    }

    @Test
    void theSameContentUnderAnotherBookKeepsItsOwnKeys() {
        LoreBook first = book(entry("1", "x", "dragon"));
        LoreBook second = new LoreBook("other", first.content());
        ParsedBooks parsed = new ParsedBooks();

        assertThat(parsed.entries(first).get(0).key()).isEqualTo("b/1");
        assertThat(parsed.entries(second).get(0).key()).isEqualTo("other/1");
        assertThat(parsed.entries(first).get(0).key()).isEqualTo("b/1");
    }
}
