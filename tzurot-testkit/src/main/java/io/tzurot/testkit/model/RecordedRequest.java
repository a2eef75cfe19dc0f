package io.tzurot.testkit.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake server received. {@code body} is the parsed JSON (a missing node for multipart
 * or empty bodies); {@code formFields} and {@code files} hold multipart parts (file name to size).
 */
public record RecordedRequest(String method, String path, Map<String, String> headers, JsonNode body,
                              Map<String, String> formFields, Map<String, Integer> files) {

    public RecordedRequest {
        headers = Map.copyOf(headers);
        formFields = Map.copyOf(formFields);
        files = Map.copyOf(files);
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Whether the request asked for an SSE stream. */
    public boolean streaming() {
        return body.path("stream").asBoolean(false);
    }

    /** Every image URL (http or data:) in the chat messages, in order. */
    public List<String> imageUrls() {
        List<String> urls = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            for (JsonNode part : message.path("content")) {
                if ("image_url".equals(part.path("type").asText())) {
                    urls.add(part.path("image_url").path("url").asText());
                }
            }
        }
        return urls;
    }

    /** Text of the last user message (string content or its text parts joined by newlines). */
    public String lastUserText() {
        JsonNode messages = body.path("messages");
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if ("user".equals(message.path("role").asText())) {
                return textOf(message.path("content"));
            }
        }
        return "";
    }

    private static String textOf(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(part.path("text").asText());
            }
        }
        return text.toString();
    }
}
