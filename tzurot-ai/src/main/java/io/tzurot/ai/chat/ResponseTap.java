package io.tzurot.ai.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.ai.retry.ErrorClassifier;
import io.tzurot.core.model.ModelError;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * What LangChain4j drops from one call's raw response, read in this one place: the provider's reasoning
 * ({@code reasoning}, {@code reasoning_details[]} or {@code reasoning_content}), the raw finish reason,
 * the answering model, an error object sent inside a 200 stream, and Retry-After. Also holds the
 * canceller of the exchange so a timed-out attempt releases its connection.
 * Events of one exchange arrive in order on one thread; results are read after the call completed.
 */
final class ResponseTap {

    private final ObjectMapper json;
    private final StringBuilder reasoning = new StringBuilder();
    private volatile String model;
    private volatile String finishReason;
    private volatile ModelError streamError;
    private volatile Optional<Duration> retryAfter = Optional.empty();
    private final java.util.List<Runnable> cancellers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    ResponseTap(ObjectMapper json) {
        this.json = json;
    }

    /** Reads one SSE data payload (a chat.completion.chunk). */
    void observeChunk(String data) {
        if (data.isEmpty() || data.equals("[DONE]") || (model != null && !mayCarryMore(data))) {
            return;
        }
        JsonNode chunk;
        try {
            chunk = json.readTree(data);
        } catch (IOException e) {
            return; // LangChain4j reports unparseable chunks itself
        }
        observeEnvelope(chunk);
        JsonNode choice = chunk.path("choices").path(0);
        appendReasoning(choice.path("delta"));
        rememberFinish(choice);
    }

    /**
     * Whether a chunk after the first may hold what this tap reads: reasoning, an error or a finish reason. Most
     * chunks are a few characters of content whose finish reason is null; LangChain4j parses them anyway, so this
     * tap skips a second parse of each. A false yes (the words in the content) only costs that parse.
     */
    static boolean mayCarryMore(String data) {
        if (data.contains("reasoning") || data.contains("\"error\"")) {
            return true;
        }
        int key = data.indexOf("\"finish_reason\"");
        if (key < 0) {
            return false;
        }
        int at = key + "\"finish_reason\"".length();
        while (at < data.length() && (data.charAt(at) == ':' || Character.isWhitespace(data.charAt(at)))) {
            at++;
        }
        return !data.startsWith("null", at);
    }

    /** Reads a complete non-streamed message (a 4xx body that still carries an answer). */
    void observeCompletion(JsonNode completion) {
        observeEnvelope(completion);
        JsonNode choice = completion.path("choices").path(0);
        appendReasoning(choice.path("message"));
        rememberFinish(choice);
    }

    private void observeEnvelope(JsonNode node) {
        if (node.path("model").isTextual() && !node.path("model").asText().isBlank()) {
            model = node.path("model").asText();
        }
        JsonNode error = node.path("error");
        if (error.isObject()) {
            int code = error.path("code").isInt() ? error.path("code").asInt() : 502;
            streamError = ErrorClassifier.fromStatus(code < 400 ? 502 : code, error.toString(), Optional.empty());
        }
    }

    private void appendReasoning(JsonNode message) {
        // OpenRouter sends the same text in `reasoning` and `reasoning_details`; take one of them
        if (message.path("reasoning").isTextual()) {
            reasoning.append(message.path("reasoning").asText());
        } else if (message.path("reasoning_details").isArray()) {
            for (JsonNode detail : message.path("reasoning_details")) {
                String type = detail.path("type").asText();
                if (type.equals("reasoning.text")) {
                    reasoning.append(detail.path("text").asText());
                } else if (type.equals("reasoning.summary")) {
                    reasoning.append(detail.path("summary").asText());
                }
            }
        } else if (message.path("reasoning_content").isTextual()) {
            reasoning.append(message.path("reasoning_content").asText());
        }
    }

    private void rememberFinish(JsonNode choice) {
        if (choice.path("finish_reason").isTextual()) {
            finishReason = choice.path("finish_reason").asText();
        }
    }

    void retryAfter(Optional<Duration> value) {
        retryAfter = value;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Reasoning text if any was sent. */
    Optional<String> reasoning() {
        String text = reasoning.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    Optional<String> model() {
        return Optional.ofNullable(model);
    }

    Optional<String> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    /** An error the provider reported inside an otherwise successful stream. */
    Optional<ModelError> streamError() {
        return Optional.ofNullable(streamError);
    }

    /** Registers a way to abort the exchange; runs at once if the tap was already cancelled. */
    void onCancel(Runnable action) {
        cancellers.add(action);
        if (cancelled) {
            action.run();
        }
    }

    /** Aborts the exchange (timeout); safe to call more than once. */
    void cancel() {
        cancelled = true;
        cancellers.forEach(Runnable::run);
    }
}
