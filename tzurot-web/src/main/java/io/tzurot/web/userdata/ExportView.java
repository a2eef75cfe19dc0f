package io.tzurot.web.userdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.portability.ExportJob;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** A user-data export job as the API and the console show it; the download path is set once it completed. */
public record ExportView(String id, String status, int progress, String step, String fileName, Integer sizeBytes,
                         String error, String createdAt, String completedAt, String expiresAt, String downloadPath,
                         Map<String, Object> contents) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code job} of the account named {@code target} in routes ("me" or a Discord id), under {@code base}. */
    @SuppressWarnings("unchecked")
    public static ExportView of(ExportJob job, String base) {
        int progress = 0;
        String step = null;
        Map<String, Object> contents = null;
        if (job.metadataJson() != null) {
            try {
                JsonNode m = JSON.readTree(job.metadataJson());
                progress = m.path("progress").asInt(0);
                step = m.path("step").isTextual() ? m.get("step").asText() : null;
                if (m.has("contents")) {
                    contents = JSON.convertValue(m.get("contents"), Map.class);
                }
            } catch (IOException e) {
                // metadata we wrote ourselves; unreadable only if edited by hand: show no progress
            }
        }
        String status = job.status().dbValue();
        boolean done = "completed".equals(status);
        return new ExportView(job.id().toString(), status, done ? 100 : progress, step, job.fileName(),
                job.fileSizeBytes(), job.errorMessage(), job.createdAt().toString(),
                job.completedAt() == null ? null : job.completedAt().toString(), job.expiresAt().toString(),
                done ? base + "/" + job.id() + "/file" : null, contents);
    }

    /** Whether the job is still pending or running. */
    public boolean running() {
        return "pending".equals(status.toLowerCase(Locale.ROOT)) || "in_progress".equals(status);
    }
}
