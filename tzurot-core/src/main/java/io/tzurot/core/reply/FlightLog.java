package io.tzurot.core.reply;

import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LorePosition;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.model.ModelParameters;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.preset.PresetParameter;
import io.tzurot.core.prompt.AssembledPrompt;
import io.tzurot.core.prompt.MemoryNote;
import io.tzurot.core.prompt.NotesReport;
import io.tzurot.core.response.ReplyAttempt;
import io.tzurot.core.settings.SettingKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Collects a reply's flight record as the stages run (one per request, not shared between threads at once). */
final class FlightLog {

    private final ReplyRequest request;
    private final Instant started;
    private final ReplyMetrics metrics;
    private final long startedNanos = System.nanoTime();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final List<FlightRecord.AttemptRecord> attempts = new ArrayList<>();
    private long stageStart = System.nanoTime();
    private ReplyContext context;
    private RecallingMemories.Recall recall;
    private List<FlightRecord.LoreRecord> lore = List.of();
    private AssembledPrompt prompt;
    private NotesForReplies.Decision notes;
    private Map<String, Object> parameters = Map.of();
    private String finalContent;
    private String error;
    private String referenceId;

    FlightLog(ReplyRequest request, Instant started, ReplyMetrics metrics) {
        this.request = request;
        this.started = started;
        this.metrics = metrics;
    }

    /** Ends the current stage: summed into the record under its label, reported to the metrics as it ran. */
    void stage(ReplyStage stage) {
        long now = System.nanoTime();
        long nanos = now - stageStart;
        timings.merge(stage.label() + "Ms", nanos / 1_000_000, Long::sum);
        stageStart = now;
        metrics.stage(stage, nanos);
    }

    void context(ReplyContext value) {
        this.context = value;
    }

    void recall(RecallingMemories.Recall value) {
        this.recall = value;
        timings.put("embeddingMs", value.embeddingNanos() / 1_000_000);
    }

    void lore(LoreActivation activation) {
        this.lore = activation.fired().stream().map(f -> new FlightRecord.LoreRecord(f.key(), f.entryId(), f.label(),
                f.reason().name().toLowerCase(java.util.Locale.ROOT), f.matchedKey(),
                f.position().wireName(),
                f.position() == LorePosition.AT_DEPTH ? f.depth() : null,
                f.position() == LorePosition.AT_DEPTH
                        ? f.role().name().toLowerCase(java.util.Locale.ROOT) : null, f.tokens())).toList();
    }

    void notes(NotesForReplies.Decision value) {
        this.notes = value;
    }

    void prompt(AssembledPrompt value, ModelParameters params) {
        this.prompt = value;
        this.parameters = CascadeValues.sent(params);
    }

    void attempt(ReplyAttempt attempt, ModelResponse response) {
        attempts.add(new FlightRecord.AttemptRecord(attempt.number(), response.content(), response.reasoning().orElse(null),
                response.finishReason().name().toLowerCase(java.util.Locale.ROOT),
                response.usage().map(u -> u.promptTokens()).orElse(null),
                response.usage().map(u -> u.completionTokens()).orElse(null), response.elapsed().toMillis(),
                response.attempts(), attempt.response().content(), attempt.response().transformsApplied(),
                attempt.assessment().score(), attempt.assessment().reasons().stream().map(Enum::name).toList(),
                attempt.duplicate().level().map(Enum::name).orElse(null), attempt.outcome().name(), null));
    }

    void failedAttempt(int number, String message) {
        attempts.add(new FlightRecord.AttemptRecord(number, null, null, null, null, null, 0, 0, null, List.of(), 0,
                List.of(), null, "ERROR", message));
    }

    void result(String content) {
        this.finalContent = content;
    }

    void error(String message, String reference) {
        this.error = message;
        this.referenceId = reference;
    }

    FlightRecord build() {
        timings.put("totalMs", (System.nanoTime() - startedNanos) / 1_000_000);
        Map<String, FlightRecord.ValueSource> cascade = new LinkedHashMap<>();
        List<FlightRecord.RecalledMemoryRecord> memories = new ArrayList<>();
        if (context != null) {
            for (PresetParameter p : PresetParameter.values()) {
                Object value = CascadeValues.preset(context.preset(), p);
                cascade.put("preset." + p.name().toLowerCase(java.util.Locale.ROOT), new FlightRecord.ValueSource(
                        value == null ? null : value.toString(), context.preset().sourceOf(p).toString()));
            }
            for (SettingKey key : SettingKey.values()) {
                cascade.put("settings." + key.jsonName(), new FlightRecord.ValueSource(
                        String.valueOf(CascadeValues.setting(context.settings(), key)), context.settings().sourceOf(key).wireName()));
            }
            cascade.put("persona", new FlightRecord.ValueSource(context.persona().persona().map(p -> p.name()).orElse(null),
                    context.persona().source().name()));
        }
        if (recall != null) {
            Set<String> included = new HashSet<>();
            if (prompt != null) {
                for (MemoryNote note : prompt.includedMemories()) {
                    included.add(note.id());
                }
            }
            for (MemoryHit hit : recall.hits()) {
                String id = hit.memory().id().toString();
                memories.add(new FlightRecord.RecalledMemoryRecord(id, hit.score(), preview(hit.memory().content()),
                        included.contains(id)));
            }
        }
        return new FlightRecord(request.requestId(), started, request.platform().name(), request.speaker().discordId(),
                request.channelId(), request.guildId().orElse(null), request.triggerMessageId().orElse(null),
                context == null ? null : context.personality().id().toString(),
                context == null ? null : context.personality().slug(),
                context == null ? null : context.persona().persona().map(p -> p.id().toString()).orElse(null),
                cascade, recall == null ? null : recall.query().orElse(null),
                recall == null ? null : recall.skipped().orElse(null), memories, lore, facts(), summaries(), authorsNote(), userPrompts(),
                prompt == null ? null : prompt.budget(), prompt == null ? null : prompt.systemPrompt(),
                prompt == null ? null : prompt.humanMessage(), context == null ? null : context.preset().model(),
                context != null && context.credentials().guestMode(), parameters, attempts, finalContent,
                timings, error, referenceId);
    }

    private List<FlightRecord.FactRecord> facts() {
        if (prompt == null) {
            return List.of();
        }
        return prompt.includedFacts().stream().map(u -> new FlightRecord.FactRecord(u.fact().id(),
                preview(u.fact().content()), u.fact().confidence(), u.fact().locked(), u.tokens())).toList();
    }

    private FlightRecord.AuthorsNoteRecord authorsNote() {
        if (notes == null) {
            return null;
        }
        NotesReport.AuthorsNotePlaced placed = prompt == null ? null : prompt.notes().authorsNote();
        if (placed == null) {
            return "none".equals(notes.source()) ? null : new FlightRecord.AuthorsNoteRecord(notes.source(),
                    notes.frequency(), notes.userTurns(), notes.due(), false, null, null, null, null, 0, 0);
        }
        return new FlightRecord.AuthorsNoteRecord(notes.source(), notes.frequency(), notes.userTurns(), notes.due(),
                true, placed.depth(), placed.position(), placed.role(), placed.tokens(), placed.loreTop(),
                placed.loreBottom());
    }

    private List<FlightRecord.UserPromptRecord> userPrompts() {
        return prompt == null ? List.of() : prompt.notes().userPrompts().stream()
                .map(u -> new FlightRecord.UserPromptRecord(u.scope(), u.tokens())).toList();
    }

    /** The recalled summaries that made it into the prompt, with the tokens each note took. */
    private List<FlightRecord.SummaryRecord> summaries() {
        if (prompt == null || recall == null) {
            return List.of();
        }
        List<FlightRecord.SummaryRecord> used = new ArrayList<>();
        for (MemoryHit hit : recall.hits()) {
            Integer tokens = prompt.memoryTokens().get(hit.memory().id().toString());
            if (hit.memory().isSummary() && tokens != null) {
                used.add(new FlightRecord.SummaryRecord(hit.memory().id().toString(), preview(hit.memory().content()),
                        hit.memory().originalMessageCount(), Objects.toString(hit.memory().coversFrom(), null),
                        Objects.toString(hit.memory().coversUntil(), null), hit.score(), tokens));
            }
        }
        return used;
    }

    static String preview(String content) {
        return content.length() <= 200 ? content : content.substring(0, 100) + " ... " + content.substring(content.length() - 100);
    }
}
