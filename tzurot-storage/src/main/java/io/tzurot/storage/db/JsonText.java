package io.tzurot.storage.db;

/**
 * A JSON document bound to a JSON column: {@code jsonb} on PostgreSQL, a character column on H2.
 * Bind it with {@code .bind("x", new JsonText(json))}; read JSON columns with {@code getString}.
 */
public record JsonText(String json) {
}
