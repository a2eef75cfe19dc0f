package io.tzurot.storage.db;

import java.util.Map;

/** The two databases we run on, with the column types that differ between them. */
public enum Dialect {
    H2("h2", Map.of(
            "json", "CHARACTER LARGE OBJECT",
            "bytes", "VARBINARY(16777216)",
            "text_array", "VARCHAR(100) ARRAY",
            "vector384", "VARBINARY(1536)")),
    POSTGRESQL("postgresql", Map.of(
            "json", "JSONB",
            "bytes", "BYTEA",
            "text_array", "TEXT[]",
            "vector384", "vector(384)"));

    private final String flywayFolder;
    private final Map<String, String> placeholders;

    Dialect(String flywayFolder, Map<String, String> placeholders) {
        this.flywayFolder = flywayFolder;
        this.placeholders = placeholders;
    }

    /** Folder under {@code db/migration} that holds this vendor's own migrations. */
    public String flywayFolder() {
        return flywayFolder;
    }

    /** Flyway placeholders ({@code ${json}}, {@code ${bytes}}, ...) used by the common migrations. */
    public Map<String, String> placeholders() {
        return placeholders;
    }

    public static Dialect fromJdbcUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL; expected jdbc:h2:..., jdbc:postgresql://... or postgresql://...");
    }
}
