package io.tzurot.core.diagnostics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores diagnostic records for 24 hours and finds them by request, trigger or response message. */
public interface DiagnosticLogRepository {

    /** Saves the record; a later save for the same request id replaces it (a retried job overwrites). */
    void save(DiagnosticLog log);

    Optional<DiagnosticLog> findByRequestId(String requestId);

    /** The record whose reply was posted as this Discord message. */
    Optional<DiagnosticLog> findByResponseMessageId(String messageId);

    /** Records triggered by this Discord message, newest first. */
    List<DiagnosticLog> findByTriggerMessageId(String messageId);

    /** The newest records, at most {@code limit} (1-100). */
    List<DiagnosticLog> recent(int limit);

    /** Attaches the posted reply's message ids; true when the record exists. */
    boolean setResponseMessageIds(String requestId, List<String> messageIds);

    /** Deletes records created before {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);
}
