package io.tzurot.app.wiring;

import java.time.Clock;

/** The engine's periodic upkeep, callable directly (tests, operators' tools). */
public final class ReplyEngineSweeps {

    private ReplyEngineSweeps() {
    }

    /** Deletes flight records older than 24 h; returns how many. */
    public static int sweep(Repositories repos, Clock clock) {
        return ReplyEngine.sweepDiagnostics(repos, clock);
    }
}
