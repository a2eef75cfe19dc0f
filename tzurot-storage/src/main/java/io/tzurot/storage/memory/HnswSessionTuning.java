package io.tzurot.storage.memory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.core.BaseConnection;

/**
 * The HNSW search settings as each pooled connection's session values, set only when a search needs other values
 * than the connection already has. With {@code SET LOCAL} every search needed a transaction: a round trip for the
 * settings and one for the commit, per reply. Only the memory search reads these settings, so a connection keeping
 * them between borrowings changes nothing else.
 */
final class HnswSessionTuning {

    /** ef_search per physical connection (the pool hands out a new wrapper on each borrowing); weak: a closed one goes. */
    private final Map<Connection, Integer> applied = Collections.synchronizedMap(new WeakHashMap<>());
    private final boolean iterativeScan;

    HnswSessionTuning(boolean iterativeScan) {
        this.iterativeScan = iterativeScan;
    }

    /**
     * The statements that set the search's candidate list {@code ef} (and strict-order iterative scans, which keep
     * results sorted by distance while the scan extends past filtered-out rows) with {@code set} ({@code SET} or
     * {@code SET LOCAL}); each its own statement in one round trip: combined in one SELECT, a filtered limit-50 search
     * lost recall. {@code ef} is a number computed by the caller, never input.
     */
    static String settings(String set, int ef, boolean iterativeScan) {
        return set + " hnsw.ef_search = " + ef + (iterativeScan ? "; " + set + " hnsw.iterative_scan = strict_order" : "");
    }

    /** Makes {@code ef} the session's value on {@code h}'s connection, outside any transaction. */
    void use(Handle h, int ef) {
        Connection physical = physical(h.getConnection());
        Integer current = applied.get(physical);
        if (current != null && current == ef) {
            return;
        }
        applied.remove(physical); // a failure below leaves the session's values unknown
        h.execute(settings("SET", ef, iterativeScan));
        applied.put(physical, ef);
    }

    private static Connection physical(Connection connection) {
        try {
            return connection.isWrapperFor(BaseConnection.class) ? connection.unwrap(BaseConnection.class) : connection;
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("cannot reach the pooled connection", e, null);
        }
    }
}
