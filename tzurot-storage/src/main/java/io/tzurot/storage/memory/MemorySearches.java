package io.tzurot.storage.memory;

import io.tzurot.core.memory.MemorySearch;
import io.tzurot.storage.db.Database;

/** Picks the memory search that fits the database: pgvector on PostgreSQL, exact cosine on H2. */
public final class MemorySearches {

    private MemorySearches() {
    }

    public static MemorySearch forDatabase(Database database) {
        return switch (database.dialect()) {
            case POSTGRESQL -> new PgvectorMemorySearch(database);
            case H2 -> new ExactCosineMemorySearch(database);
        };
    }
}
