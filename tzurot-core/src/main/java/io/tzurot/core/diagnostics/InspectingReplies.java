package io.tzurot.core.diagnostics;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.reply.FlightRecord;
import io.tzurot.core.reply.FlightRecorder;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * The diagnostic record of a reply (prompt, model, attempts, reasoning), for the person whose message it answered
 * or the bot owner; anyone else's looks unknown. A reply is named by its request id, the id of a message the
 * character posted, or the id of the message it answered. Records are kept 24 hours.
 */
public final class InspectingReplies {

    /** How many recent records {@link #latest} looks through. */
    public static final int RECENT = 100;

    /** A reply's stored record and its stages. */
    public record Inspection(DiagnosticLog log, FlightRecord record) {
    }

    private final DiagnosticLogRepository logs;
    private final FlightRecorder flights;

    public InspectingReplies(DiagnosticLogRepository logs, FlightRecorder flights) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.flights = Objects.requireNonNull(flights, "flights");
    }

    /** The reply named by a request id, a reply message id or a trigger message id. */
    public Inspection find(Actor actor, String reference) {
        String id = reference == null ? "" : reference.strip();
        if (id.isEmpty() || id.length() > 255) {
            throw DomainException.invalid("reply", "Name a reply by its message id, message link or request id.");
        }
        Optional<DiagnosticLog> found = logs.findByRequestId(id)
                .or(() -> logs.findByResponseMessageId(id))
                .or(() -> logs.findByTriggerMessageId(id).stream().max(Comparator.comparing(DiagnosticLog::createdAt)))
                .filter(log -> mayInspect(actor, log));
        return found.flatMap(this::inspection).orElseThrow(() -> DomainException.notFound(
                "A diagnostic record of yours for '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "'"));
    }

    /** The caller's newest reply in a channel. */
    public Inspection latest(Actor actor, String channelId) {
        return logs.recent(RECENT).stream()
                .filter(log -> actor.discordId().equals(log.userDiscordId()) && channelId.equals(log.channelId()))
                .max(Comparator.comparing(DiagnosticLog::createdAt))
                .flatMap(this::inspection)
                .orElseThrow(() -> DomainException.notFound("A recent reply to you in this channel"));
    }

    /**
     * Links a delivered reply's messages to its record, so those messages name it too; false when the record is not
     * saved yet (it is written in the background, so the caller may try again shortly).
     */
    public boolean linkMessages(String requestId, java.util.List<String> messageIds) {
        return logs.setResponseMessageIds(requestId, messageIds);
    }

    private Optional<Inspection> inspection(DiagnosticLog log) {
        return flights.find(log.requestId()).map(record -> new Inspection(log, record));
    }

    private static boolean mayInspect(Actor actor, DiagnosticLog log) {
        return actor.owner() || actor.discordId().equals(log.userDiscordId());
    }
}
