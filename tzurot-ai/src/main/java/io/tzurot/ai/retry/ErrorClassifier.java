package io.tzurot.ai.retry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps failures of model calls (HTTP statuses, exceptions, provider messages) to {@link ModelError}. */
public final class ErrorClassifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("status(?: code)?\\s*[=:]?\\s*(\\d{3})", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DETAIL = 500;

    private ErrorClassifier() {
    }

    /** Classifies any throwable by walking its cause chain. */
    public static ModelError classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ModelCallException call) {
                return call.error();
            }
            if (t instanceof HttpException http) {
                return fromStatus(http.statusCode(), http.getMessage(), Optional.empty());
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new ModelError.Timeout(describe(t));
            }
            if (t instanceof JsonProcessingException) {
                return new ModelError.BadResponse("unparseable response: " + describe(t));
            }
            if (t instanceof IOException) {
                return new ModelError.Network(describe(t));
            }
        }
        return fromMessage(describe(failure));
    }

    /**
     * Classifies an HTTP error status with its body (JSON error object or text). The detail reads
     * {@code HTTP 429 [code rate_limited]: message}: the status, the provider's own code when it gave one, and its
     * message, never an empty object and never a key.
     */
    public static ModelError fromStatus(int status, String body, Optional<Duration> retryAfter) {
        String message = providerMessage(body);
        String sameCode = "[code " + status + "] ";
        // OpenRouter repeats the HTTP status as its code; once is enough
        String detail = "HTTP " + status + ": " + (message.startsWith(sameCode) ? message.substring(sameCode.length()) : message);
        if (status == 400) {
            return new ModelError.BadRequest(detail);
        }
        if (status == 401) {
            return new ModelError.Unauthorized(detail);
        }
        if (status == 402) {
            return new ModelError.PaymentRequired(detail);
        }
        if (status == 403) {
            return new ModelError.Forbidden(detail);
        }
        if (status == 404) {
            return new ModelError.ModelNotFound(detail);
        }
        if (status == 408) {
            return new ModelError.Timeout(detail);
        }
        if (status == 429) {
            return new ModelError.RateLimited(detail, retryAfter);
        }
        if (status >= 500) {
            return new ModelError.ServerError(status, detail);
        }
        return new ModelError.BadRequest(detail);
    }

    /** Parses a Retry-After header given in seconds (HTTP dates are rare from model APIs and ignored). */
    public static Optional<Duration> retryAfter(Optional<String> header) {
        return header.flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * What the provider said, for logs and diagnostics: {@code [code X] message} from an OpenAI-style error (the
     * body, or its {@code error} object alone as a stream sends it), OpenRouter's upstream text when it gave one,
     * else the body as text; {@code (no message from the provider)} for an empty body or object. Keys and bearer
     * tokens are masked; at most 500 characters.
     */
    public static String providerMessage(String body) {
        if (body == null || body.isBlank()) {
            return NO_MESSAGE;
        }
        String message = body.strip();
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.isContainerNode()) {
                message = fromJson(node);
            }
        } catch (IOException e) {
            // not JSON: keep the raw text
        }
        message = ProviderText.redact(message);
        return message.length() > MAX_DETAIL ? message.substring(0, MAX_DETAIL) + "..." : message;
    }

    private static final String NO_MESSAGE = "(no message from the provider)";

    private static String fromJson(JsonNode node) {
        JsonNode error = node.path("error").isObject() ? node.path("error") : node;
        String message = firstText(error, "message", "detail", "error");
        if (message == null && node.path("error").isTextual()) {
            message = node.path("error").asText();
        }
        if (message == null) {
            message = firstText(node, "message", "detail");
        }
        JsonNode code = error.path("code").isMissingNode() || error.path("code").isNull() ? error.path("type") : error.path("code");
        String codeText = code.isValueNode() && !code.asText().isBlank() ? code.asText() : null;
        String upstream = error.path("metadata").path("raw").isTextual() ? error.path("metadata").path("raw").asText() : null;
        if (message == null && upstream == null) {
            boolean empty = error.isEmpty() || (error.size() == 1 && codeText != null);
            message = empty ? NO_MESSAGE : error.toString();
        }
        StringBuilder text = new StringBuilder();
        if (codeText != null) {
            text.append("[code ").append(codeText).append("] ");
        }
        text.append(message == null ? "" : message);
        if (upstream != null && !upstream.isBlank() && (message == null || !message.contains(upstream))) {
            text.append(message == null ? "" : " (upstream: ").append(upstream.strip()).append(message == null ? "" : ")");
        }
        return text.toString().strip();
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    private static ModelError fromMessage(String message) {
        Matcher status = STATUS.matcher(message);
        if (status.find()) {
            return fromStatus(Integer.parseInt(status.group(1)), message, Optional.empty());
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("quota") || lower.contains("credits") || lower.contains("billing")) {
            return new ModelError.PaymentRequired(message);
        }
        if (lower.contains("rate limit") || lower.contains("too many requests")) {
            return new ModelError.RateLimited(message, Optional.empty());
        }
        if (lower.contains("timeout") || lower.contains("timed out")) {
            return new ModelError.Timeout(message);
        }
        if (lower.contains("connection") || lower.contains("econnreset") || lower.contains("network")) {
            return new ModelError.Network(message);
        }
        return new ModelError.BadResponse(message);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + ProviderText.redact(message));
    }
}
