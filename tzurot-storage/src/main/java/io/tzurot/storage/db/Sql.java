package io.tzurot.storage.db;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.argument.Argument;

/**
 * Column reading, argument binding and dialect-specific statement shapes shared by every repository, so both
 * databases are read and written the same way.
 */
public final class Sql {

    /** Most ids {@link #fewIds} holds; past it a caller asks about each id on its own. */
    public static final int MAX_KNOWN_IDS = 10_000;

    /**
     * The ids the one-column query {@code select} returns, when there are at most {@link #MAX_KNOWN_IDS} of them (e.g.
     * the few channels with settings or notes of their own); empty when there are more.
     */
    public static Optional<Set<String>> fewIds(org.jdbi.v3.core.Jdbi jdbi, String select) {
        List<String> ids = jdbi.withHandle(h -> h.createQuery(select + " LIMIT :n").bind("n", MAX_KNOWN_IDS + 1)
                .mapTo(String.class).list());
        return ids.size() > MAX_KNOWN_IDS ? Optional.empty() : Optional.of(Set.copyOf(ids));
    }

    /** SQLSTATE of a unique or primary-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    /** True when {@code e} or one of its causes is a unique-constraint violation. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The clock's instant at the columns' millisecond precision, so stored and returned values agree. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * A UUID argument that may be null. JDBI binds a typed null UUID as VARCHAR, which PostgreSQL refuses
     * for a uuid column; an untyped null is accepted by both databases.
     */
    public static Argument nullableUuid(UUID value) {
        return (position, statement, ctx) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    /** A timestamp column as an instant, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A UUID column, or null. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** An integer column that may be NULL. */
    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** A text-array column as an immutable list (empty for NULL). */
    public static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            List<String> out = new ArrayList<>(values.length);
            for (Object v : values) {
                out.add((String) v);
            }
            return Collections.unmodifiableList(out);
        } finally {
            array.free();
        }
    }

    /**
     * An insert that silently does nothing when a row with the same key exists: {@code ON CONFLICT DO NOTHING}
     * on PostgreSQL, {@code MERGE ... WHEN NOT MATCHED} on H2. Values are bound as {@code :column}; a column's
     * placeholder may be overridden by passing {@code column=expression} (the key's too: H2's source row then uses it).
     *
     * @param keyType SQL type of the key column, needed for H2's typed source row
     */
    public static String insertIfAbsent(Dialect dialect, String table, String key, String keyType, List<String> columns) {
        String cols = names(columns);
        String values = values(columns);
        if (dialect == Dialect.POSTGRESQL) {
            return "INSERT INTO " + table + " (" + cols + ") VALUES (" + values + ") ON CONFLICT (" + key + ") DO NOTHING";
        }
        return "MERGE INTO " + table + " t USING (SELECT CAST(" + valueOf(columns, key) + " AS " + keyType + ") AS k) s ON t." + key
                + " = s.k WHEN NOT MATCHED THEN INSERT (" + cols + ") VALUES (" + values + ")";
    }

    /**
     * An insert that updates {@code updates} (plain column names, set to the same bound values) when a row
     * with the key exists: {@code ON CONFLICT DO UPDATE} on PostgreSQL, {@code MERGE} on H2.
     */
    public static String upsert(Dialect dialect, String table, String key, String keyType, List<String> columns,
                                List<String> updates) {
        String cols = names(columns);
        String values = values(columns);
        if (dialect == Dialect.POSTGRESQL) {
            String set = updates.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            return "INSERT INTO " + table + " (" + cols + ") VALUES (" + values + ") ON CONFLICT (" + key
                    + ") DO UPDATE SET " + set;
        }
        String set = updates.stream().map(c -> c + " = " + valueOf(columns, c)).collect(Collectors.joining(", "));
        return "MERGE INTO " + table + " t USING (SELECT CAST(:" + key + " AS " + keyType + ") AS k) s ON t." + key
                + " = s.k WHEN MATCHED THEN UPDATE SET " + set + " WHEN NOT MATCHED THEN INSERT (" + cols + ") VALUES ("
                + values + ")";
    }

    /** The column names of {@code column[=expression]} entries, comma-separated. */
    private static String names(List<String> columns) {
        return columns.stream().map(c -> c.contains("=") ? c.substring(0, c.indexOf('=')) : c)
                .collect(Collectors.joining(", "));
    }

    /** Their values: the expression when given, else the {@code :column} placeholder. */
    private static String values(List<String> columns) {
        return columns.stream().map(c -> c.contains("=") ? c.substring(c.indexOf('=') + 1) : ":" + c)
                .collect(Collectors.joining(", "));
    }

    private static String valueOf(List<String> columns, String column) {
        for (String c : columns) {
            if (c.equals(column)) {
                return ":" + c;
            }
            if (c.startsWith(column + "=")) {
                return c.substring(column.length() + 1);
            }
        }
        throw new IllegalArgumentException("column " + column + " is not among the inserted columns");
    }
}
