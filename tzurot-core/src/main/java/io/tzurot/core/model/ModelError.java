package io.tzurot.core.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a model call failed: the closed set the pipeline reacts to. {@link #retryable()} drives the retry
 * policy; {@link #userMessage()} is safe to show in Discord; {@link #detail()} is for logs and diagnostics
 * (provider text, never a key).
 */
public sealed interface ModelError {

    /** A short message for the person who triggered the reply. */
    String userMessage();

    /** Technical detail for logs and the diagnostic record. */
    String detail();

    /** Whether another attempt may succeed. */
    boolean retryable();

    /** The HTTP status behind the error, if it came from one. */
    default OptionalInt statusCode() {
        return OptionalInt.empty();
    }

    /** Stable category name for metrics and the diagnostic record. */
    default String category() {
        return getClass().getSimpleName();
    }

    /** The category in a user's words, as shown after an error message (spec/discord.md §1.11). */
    default String shownCategory() {
        if (this instanceof Unauthorized) {
            return "authentication";
        } else if (this instanceof PaymentRequired) {
            return "quota exceeded";
        } else if (this instanceof Forbidden) {
            return "content policy";
        } else if (this instanceof BadRequest) {
            return "bad request";
        } else if (this instanceof ModelNotFound) {
            return "model not found";
        } else if (this instanceof RateLimited) {
            return "rate limit";
        } else if (this instanceof ServerError) {
            return "server error";
        } else if (this instanceof Timeout) {
            return "timeout";
        } else if (this instanceof Network) {
            return "network";
        } else if (this instanceof BadResponse) {
            return "empty response";
        }
        return category();
    }

    /** 400: the provider rejected the request (e.g. context too long); repeating it cannot help. */
    record BadRequest(String detail) implements ModelError {
        public String userMessage() { return "The AI provider rejected this request (it may be too long). Try a shorter message."; }
        public boolean retryable() { return false; }
        public OptionalInt statusCode() { return OptionalInt.of(400); }
    }

    /** 401: the API key is missing, wrong or revoked. */
    record Unauthorized(String detail) implements ModelError {
        public String userMessage() { return "The AI provider did not accept the API key. Check your key with /settings apikey."; }
        public boolean retryable() { return false; }
        public OptionalInt statusCode() { return OptionalInt.of(401); }
    }

    /** 402: no credits left or a quota is exhausted. */
    record PaymentRequired(String detail) implements ModelError {
        public String userMessage() { return "The AI provider says the account is out of credits or over its quota."; }
        public boolean retryable() { return false; }
        public OptionalInt statusCode() { return OptionalInt.of(402); }
    }

    /** 403: refused, usually by the provider's moderation. */
    record Forbidden(String detail) implements ModelError {
        public String userMessage() { return "The AI provider refused this request (content policy)."; }
        public boolean retryable() { return false; }
        public OptionalInt statusCode() { return OptionalInt.of(403); }
    }

    /** 404: the model id does not exist at this provider. */
    record ModelNotFound(String detail) implements ModelError {
        public String userMessage() { return "The configured AI model is not available. Pick another model in the preset."; }
        public boolean retryable() { return false; }
        public OptionalInt statusCode() { return OptionalInt.of(404); }
    }

    /** 429: too many requests; {@code retryAfter} when the provider said how long to wait. */
    record RateLimited(String detail, Optional<Duration> retryAfter) implements ModelError {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
        public String userMessage() { return "The AI provider is rate limiting requests right now. Please try again in a moment."; }
        public boolean retryable() { return true; }
        public OptionalInt statusCode() { return OptionalInt.of(429); }
    }

    /** 5xx (or another unexpected status): the provider failed. */
    record ServerError(int status, String detail) implements ModelError {
        public String userMessage() { return "The AI provider had a problem answering. Please try again."; }
        public boolean retryable() { return true; }
        public OptionalInt statusCode() { return OptionalInt.of(status); }
    }

    /** No complete answer within the per-attempt timeout. */
    record Timeout(String detail) implements ModelError {
        public String userMessage() { return "The AI model took too long to answer. Please try again."; }
        public boolean retryable() { return true; }
    }

    /** The provider could not be reached (DNS, connect, reset). */
    record Network(String detail) implements ModelError {
        public String userMessage() { return "Could not reach the AI provider. Please try again."; }
        public boolean retryable() { return true; }
    }

    /** The provider answered 2xx with something unusable: unparseable, empty or censored. */
    record BadResponse(String detail) implements ModelError {
        public String userMessage() { return "The AI model returned an empty or unreadable answer. Please try again."; }
        public boolean retryable() { return true; }
    }
}
