package io.tzurot.storage.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/** Small JDBC helpers shared by the identity repositories; portable between H2 and PostgreSQL. */
public final class SqlSupport {

    /** SQLSTATE of a unique or primary-key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private SqlSupport() {
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

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}
