package io.tzurot.core.lorebook.activation;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.prompt.TokenCounter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Use case: the editor's "test these keywords" panel. Scans one of the caller's books against a pasted text (taken as
 * the newest message of a fresh chat) with the reply's rules, and tells which entries fire and why. A dry run: no
 * timed-effect state is read or written, and every probability roll passes (a 0 % entry still never fires).
 */
public final class TestingLorebook {

    /** Longest text to test, in characters. */
    public static final int MAX_TEXT = 20_000;
    /** The window assumed when none is given (the lore budget is a share of it). */
    public static final int DEFAULT_WINDOW = 8_192;
    /** Largest window accepted. */
    public static final int MAX_WINDOW = 2_000_000;

    private final LorebookRepository books;
    private final LorebookScanner scanner;

    public TestingLorebook(LorebookRepository books, TokenCounter tokens) {
        this.books = Objects.requireNonNull(books, "books");
        this.scanner = new LorebookScanner(tokens, () -> 0.0);
    }

    /**
     * The entries of the caller's book {@code bookId} that fire on {@code text}.
     *
     * @param contextWindow the model's context window in tokens, or null for {@link #DEFAULT_WINDOW}
     */
    public LoreActivation test(Actor actor, UUID bookId, String text, Integer contextWindow) {
        if (text == null || text.isBlank()) {
            throw DomainException.invalid("text", "A text to scan is required.");
        }
        if (text.length() > MAX_TEXT) {
            throw DomainException.invalid("text", "The text is " + text.length() + " characters; at most " + MAX_TEXT
                    + " are scanned.");
        }
        if (contextWindow != null && (contextWindow < 1 || contextWindow > MAX_WINDOW)) {
            throw DomainException.invalid("contextWindow", "The context window must be 1-" + MAX_WINDOW
                    + " tokens.");
        }
        Lorebook book = books.find(bookId).filter(b -> actor.mayManage(b.ownerId()))
                .orElseThrow(() -> DomainException.notFound("Lorebook '" + bookId + "'"));
        LoreScanRequest request = new LoreScanRequest(List.of(new LoreBook(book.id().toString(), book.content())),
                List.of(new LoreMessage("", text)), contextWindow == null ? DEFAULT_WINDOW : contextWindow,
                LoreSettings.DEFAULTS);
        return scanner.scan(request, LoreTiming.START);
    }
}
