package io.tzurot.testkit.model;

import java.time.Duration;
import java.util.Objects;

/** What the fake server answers to one request: a completion or an HTTP error, after an optional delay. */
public sealed interface FakeReply permits FakeReply.Completion, FakeReply.Failure, FakeReply.Raw {

    /** How long the server waits before answering. */
    Duration delay();

    /** The same reply after {@code delay}. */
    FakeReply after(Duration delay);

    /** Where a completion carries its reasoning text, as different providers do. */
    enum ReasoningField {
        /** OpenRouter: {@code message.reasoning}. */
        REASONING,
        /** DeepSeek/vLLM/Ollama: {@code message.reasoning_content}. */
        REASONING_CONTENT,
        /** OpenRouter: {@code message.reasoning_details[]} of type {@code reasoning.text}. */
        REASONING_DETAILS
    }

    /**
     * A successful completion (for /audio/transcriptions, {@code content} is the transcript).
     * {@code model} null echoes the requested model.
     */
    record Completion(String content, String reasoning, ReasoningField reasoningField, String finishReason,
                      int promptTokens, int completionTokens, String model, Duration delay) implements FakeReply {
        public Completion {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(reasoningField, "reasoningField");
            Objects.requireNonNull(finishReason, "finishReason");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public Completion after(Duration newDelay) {
            return new Completion(content, reasoning, reasoningField, finishReason, promptTokens, completionTokens,
                    model, newDelay);
        }

        /** Adds reasoning text in {@code field}. */
        public Completion withReasoning(String text, ReasoningField field) {
            return new Completion(content, text, field, finishReason, promptTokens, completionTokens, model, delay);
        }

        /** Replaces the finish reason. */
        public Completion withFinishReason(String reason) {
            return new Completion(content, reasoning, reasoningField, reason, promptTokens, completionTokens, model,
                    delay);
        }

        /** Replaces the usage numbers. */
        public Completion withUsage(int prompt, int completion) {
            return new Completion(content, reasoning, reasoningField, finishReason, prompt, completion, model, delay);
        }

        /** Reports {@code answeringModel} as the model that answered. */
        public Completion withModel(String answeringModel) {
            return new Completion(content, reasoning, reasoningField, finishReason, promptTokens, completionTokens,
                    answeringModel, delay);
        }
    }

    /**
     * An HTTP error with an OpenAI-style {@code {"error":{...}}} body; {@code retryAfterSeconds} adds a
     * Retry-After header when positive.
     */
    record Failure(int status, String message, int retryAfterSeconds, Duration delay) implements FakeReply {
        public Failure {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("failure status must be 4xx or 5xx, was " + status);
            }
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public Failure after(Duration newDelay) {
            return new Failure(status, message, retryAfterSeconds, newDelay);
        }
    }

    /** A verbatim response, for provider quirks (an answer inside a 4xx, an error inside a 200 stream). */
    record Raw(int status, String contentType, String body, Duration delay) implements FakeReply {
        public Raw {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status, was " + status);
            }
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public Raw after(Duration newDelay) {
            return new Raw(status, contentType, body, newDelay);
        }
    }

    /** A verbatim response without delay. */
    static Raw raw(int status, String contentType, String body) {
        return new Raw(status, contentType, body, Duration.ZERO);
    }

    /** A plain completion: finish reason stop, usage 10/5, no reasoning, no delay. */
    static Completion text(String content) {
        return new Completion(content, null, ReasoningField.REASONING, "stop", 10, 5, null, Duration.ZERO);
    }

    /** An HTTP error with a generic message. */
    static Failure error(int status) {
        return new Failure(status, "fake error " + status, 0, Duration.ZERO);
    }

    /** An HTTP error with {@code message}. */
    static Failure error(int status, String message) {
        return new Failure(status, message, 0, Duration.ZERO);
    }
}
