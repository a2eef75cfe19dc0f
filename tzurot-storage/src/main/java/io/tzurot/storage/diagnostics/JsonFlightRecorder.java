package io.tzurot.storage.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.core.diagnostics.DiagnosticLogRepository;
import io.tzurot.core.reply.FlightRecord;
import io.tzurot.core.reply.FlightRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Keeps flight records as JSON in {@code llm_diagnostic_logs}, one row per reply (request) id. */
public final class JsonFlightRecorder implements FlightRecorder {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final DiagnosticLogRepository logs;
    private final Clock clock;

    public JsonFlightRecorder(DiagnosticLogRepository logs, Clock clock) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(FlightRecord record) {
        String json;
        try {
            json = JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("flight record " + record.requestId() + " cannot be written as JSON", e);
        }
        String model = record.model() == null ? "" : record.model();
        String provider = model.contains("/") ? model.substring(0, model.indexOf('/')) : "";
        long total = record.timingsMs() == null ? 0 : record.timingsMs().getOrDefault("totalMs", 0L);
        logs.save(new DiagnosticLog(UUID.randomUUID(), record.requestId(), record.triggerMessageId(), List.of(),
                record.personalityId() == null ? null : UUID.fromString(record.personalityId()), record.userDiscordId(),
                record.guildId(), record.channelId(), model, provider, (int) Math.min(Integer.MAX_VALUE, total), json,
                clock.instant()));
    }

    @Override
    public Optional<FlightRecord> find(String requestId) {
        return logs.findByRequestId(requestId).map(log -> {
            try {
                return JSON.readValue(log.dataJson(), FlightRecord.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("flight record " + requestId + " is not readable: " + e.getOriginalMessage(), e);
            }
        });
    }

    /** The stored JSON as is, for tools that show the whole record. */
    public Optional<String> findJson(String requestId) {
        return logs.findByRequestId(requestId).map(DiagnosticLog::dataJson);
    }
}
