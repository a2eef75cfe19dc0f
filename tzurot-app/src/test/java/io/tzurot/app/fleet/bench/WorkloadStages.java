package io.tzurot.app.fleet.bench;

import io.tzurot.storage.db.Database;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a phase's replies spent their time inside the worker: the mean of each stage timing of their flight records
 * (whole milliseconds each, so a mean under 1 ms is only a rough figure), to tell the worker's share of the latency
 * from the api's, the queue's and the client's.
 */
final class WorkloadStages {

    private WorkloadStages() {
    }

    /** One line: the stages' means in the order a reply passes them, over the records written since {@code since}. */
    static String describe(Database database, Instant since) {
        List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT t.key AS stage, AVG(t.value::numeric) AS mean, COUNT(*) AS n
                FROM llm_diagnostic_logs l, jsonb_each_text(l.data::jsonb -> 'timingsMs') t
                WHERE l.created_at >= :since GROUP BY t.key""").bind("since", since).mapToMap().list());
        Map<String, Double> means = rows.stream().collect(Collectors.toMap(r -> (String) r.get("stage"),
                r -> ((Number) r.get("mean")).doubleValue()));
        long replies = rows.stream().filter(r -> "totalMs".equals(r.get("stage"))).mapToLong(r -> ((Number) r.get("n")).longValue())
                .findFirst().orElse(0);
        String stages = List.of("resolveMs", "historyMs", "attachmentsMs", "embeddingMs", "memoryMs", "promptMs",
                        "modelMs", "postprocessMs", "recordMs", "totalMs").stream().filter(means::containsKey)
                .map(k -> String.format(Locale.ROOT, "%s %.1f", k.substring(0, k.length() - 2), means.get(k)))
                .collect(Collectors.joining(", "));
        // from the api's receipt (the user turn is stored with it) to the worker's start (the record's createdAt)
        Double queued = database.jdbi().withHandle(h -> h.createQuery("""
                SELECT AVG(EXTRACT(EPOCH FROM (CAST(l.data::jsonb ->> 'createdAt' AS timestamptz) - c.created_at)) * 1000)
                FROM llm_diagnostic_logs l JOIN conversation_history c
                  ON c.message_metadata ->> 'requestId' = l.request_id AND c.role = 'user'
                WHERE l.created_at >= :since""").bind("since", since).mapTo(Double.class).findOne().orElse(null));
        return "  worker stages of " + replies + " replies, mean ms (whole ms each): " + stages
                + (queued == null ? "" : String.format(Locale.ROOT, "; api receipt to worker start %.1f", queued));
    }
}
