package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.LorebookContent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The books' entries parsed once per book content and shared by every scan that sees the same content (the
 * repositories hand out the same immutable content until a book changes), instead of parsing every entry's
 * decorators and keys again on every reply. Keyed by the content's identity; the least recently used go first.
 */
final class ParsedBooks {

    private static final int CAPACITY = 512;

    private final Map<Identity, Parsed> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Identity, Parsed> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The entries of {@code book}, parsed, in the book's order. */
    List<ParsedEntry> entries(LoreBook book) {
        Identity key = new Identity(book.content());
        synchronized (cache) {
            Parsed known = cache.get(key);
            if (known != null && known.bookId().equals(book.id())) {
                return known.entries();
            }
        }
        List<ParsedEntry> parsed = new ArrayList<>(book.content().entries().size());
        for (int i = 0; i < book.content().entries().size(); i++) {
            parsed.add(ParsedEntry.of(book.id(), i, book.content().entries().get(i)));
        }
        List<ParsedEntry> entries = List.copyOf(parsed);
        synchronized (cache) {
            cache.put(key, new Parsed(book.id(), entries));
        }
        return entries;
    }

    private record Parsed(String bookId, List<ParsedEntry> entries) {
    }

    /** A content compared by identity: equal contents of two different books are still parsed apart. */
    private static final class Identity {
        private final LorebookContent content;

        Identity(LorebookContent content) {
            this.content = content;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.content == content;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(content);
        }
    }
}
