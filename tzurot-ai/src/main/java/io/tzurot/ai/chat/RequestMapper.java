package io.tzurot.ai.chat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import io.tzurot.core.model.ContentPart;
import io.tzurot.core.model.ModelMessage;
import io.tzurot.core.model.ModelParameters;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.Reasoning;
import io.tzurot.core.model.ResponseFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a {@link ModelRequest} to LangChain4j. Standard OpenAI fields use LangChain4j's own parameters;
 * everything OpenRouter adds (top_k, min_p, top_a, repetition_penalty, reasoning, transforms, route,
 * verbosity) goes into {@code customParameters}, which LangChain4j writes at the top level of the body.
 */
final class RequestMapper {

    private RequestMapper() {
    }

    static ChatRequest toChatRequest(ModelRequest request) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size());
        for (ModelMessage message : request.messages()) {
            messages.add(toMessage(message));
        }
        return ChatRequest.builder().messages(messages).parameters(toParameters(request)).build();
    }

    static OpenAiChatRequestParameters toParameters(ModelRequest request) {
        ModelParameters p = request.parameters();
        OpenAiChatRequestParameters.Builder builder = OpenAiChatRequestParameters.builder()
                .modelName(request.model())
                .temperature(p.temperature())
                .topP(p.topP())
                .frequencyPenalty(p.frequencyPenalty())
                .presencePenalty(p.presencePenalty())
                .maxOutputTokens(p.maxTokens())
                .seed(p.seed())
                .logitBias(p.logitBias());
        if (p.stop() != null && !p.stop().isEmpty()) {
            builder.stopSequences(p.stop());
        }
        if (p.responseFormat() != null) {
            builder.responseFormat(p.responseFormat() == ResponseFormat.JSON_OBJECT
                    ? dev.langchain4j.model.chat.request.ResponseFormat.JSON
                    : dev.langchain4j.model.chat.request.ResponseFormat.TEXT);
        }
        Map<String, Object> custom = customParameters(p);
        if (!custom.isEmpty()) {
            builder.customParameters(custom);
        }
        return builder.build();
    }

    static Map<String, Object> customParameters(ModelParameters p) {
        Map<String, Object> custom = new LinkedHashMap<>();
        putIfSet(custom, "top_k", p.topK());
        putIfSet(custom, "min_p", p.minP());
        putIfSet(custom, "top_a", p.topA());
        putIfSet(custom, "repetition_penalty", p.repetitionPenalty());
        if (p.reasoning() != null) {
            custom.put("reasoning", reasoning(p.reasoning()));
        }
        if (p.transforms() != null) {
            custom.put("transforms", p.transforms());
        }
        putIfSet(custom, "route", p.route());
        if (p.verbosity() != null) {
            custom.put("verbosity", p.verbosity().wireName());
        }
        return custom;
    }

    private static Map<String, Object> reasoning(Reasoning reasoning) {
        Map<String, Object> body = new LinkedHashMap<>();
        // OpenRouter takes effort or max_tokens, not both; effort wins as in the reference
        if (reasoning.effort() != null) {
            body.put("effort", reasoning.effort().wireName());
        } else if (reasoning.maxTokens() != null) {
            body.put("max_tokens", reasoning.maxTokens());
        }
        putIfSet(body, "exclude", reasoning.exclude());
        putIfSet(body, "enabled", reasoning.enabled());
        return body;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static ChatMessage toMessage(ModelMessage message) {
        switch (message.role()) {
            case SYSTEM:
                return SystemMessage.from(message.text());
            case ASSISTANT:
                return AiMessage.from(message.text());
            case USER:
            default:
                if (!message.hasImages()) {
                    return UserMessage.from(message.text());
                }
                List<Content> contents = new ArrayList<>(message.parts().size());
                for (ContentPart part : message.parts()) {
                    contents.add(toContent(part));
                }
                return UserMessage.from(contents);
        }
    }

    private static Content toContent(ContentPart part) {
        if (part instanceof ContentPart.Text text) {
            return TextContent.from(text.text());
        }
        ContentPart.Image image = (ContentPart.Image) part;
        ImageContent.DetailLevel detail = image.detail() == null
                ? ImageContent.DetailLevel.AUTO
                : ImageContent.DetailLevel.valueOf(image.detail().toUpperCase(Locale.ROOT));
        if (image.isInline()) {
            String url = image.url();
            int comma = url.indexOf(',');
            int semicolon = url.indexOf(';');
            if (comma < 0 || semicolon < 0 || semicolon > comma || !url.substring(semicolon, comma).equals(";base64")) {
                throw new IllegalArgumentException("inline images must be data:<mime>;base64,<data> URLs");
            }
            return ImageContent.from(url.substring(comma + 1), url.substring(5, semicolon), detail);
        }
        return ImageContent.from(image.url(), detail);
    }
}
