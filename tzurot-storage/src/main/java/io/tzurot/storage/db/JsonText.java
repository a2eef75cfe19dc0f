package io.tzurot.storage.db;

/**
 * A JSON document bound to a JSON column: {@code jsonb} on PostgreSQL, a character column on H2.
 * Bind it with {@code .bind("x", new JsonText(json))}; read JSON columns with {@code getString}.
 */
public record JsonText(String json) {

    /**
     * Its size, not its text: Jdbi describes every argument it binds with {@code toString}, and a record's own would
     * copy a flight record of tens of kilobytes on every save (and could put a user's words in an error message).
     */
    @Override
    public String toString() {
        return "JsonText[" + json.length() + " chars]";
    }
}
