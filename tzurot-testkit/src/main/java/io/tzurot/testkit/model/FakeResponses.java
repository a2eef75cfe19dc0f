package io.tzurot.testkit.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/** Renders fake replies as OpenAI-compatible JSON bodies and SSE streams. */
final class FakeResponses {

    /** Content is cut into pieces of this many characters in streams, so clients must reassemble. */
    private static final int STREAM_PIECE = 12;

    private final ObjectMapper json;

    FakeResponses(ObjectMapper json) {
        this.json = json;
    }

    String completion(String id, String model, FakeReply.Completion reply) {
        ObjectNode root = envelope(id, model, "chat.completion");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", reply.content());
        addReasoning(message, reply);
        choice.put("finish_reason", reply.finishReason());
        addUsage(root, reply);
        return write(root);
    }

    String stream(String id, String model, FakeReply.Completion reply, boolean includeUsage) {
        StringBuilder sse = new StringBuilder();
        // OpenRouter sends keep-alive comments while the model thinks; clients must skip them
        sse.append(": OPENROUTER PROCESSING\n\n");
        ObjectNode first = chunk(id, model);
        first.withArray("choices").addObject().put("index", 0).putObject("delta").put("role", "assistant").put("content", "");
        event(sse, first);
        if (reply.reasoning() != null) {
            ObjectNode reasoningChunk = chunk(id, model);
            ObjectNode delta = reasoningChunk.withArray("choices").addObject().put("index", 0).putObject("delta");
            addReasoning(delta, reply);
            event(sse, reasoningChunk);
        }
        for (String piece : pieces(reply.content())) {
            ObjectNode contentChunk = chunk(id, model);
            contentChunk.withArray("choices").addObject().put("index", 0).putObject("delta").put("content", piece);
            event(sse, contentChunk);
        }
        ObjectNode last = chunk(id, model);
        ObjectNode lastChoice = last.withArray("choices").addObject().put("index", 0);
        lastChoice.putObject("delta");
        lastChoice.put("finish_reason", reply.finishReason());
        event(sse, last);
        if (includeUsage) {
            ObjectNode usage = chunk(id, model);
            usage.putArray("choices");
            addUsage(usage, reply);
            event(sse, usage);
        }
        sse.append("data: [DONE]\n\n");
        return sse.toString();
    }

    String error(FakeReply.Failure failure) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", failure.message());
        error.put("code", failure.status());
        return write(root);
    }

    String models(List<String> ids, Set<String> imageIds, Set<String> unlabelledIds) {
        ObjectNode root = json.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String id : ids) {
            ObjectNode model = data.addObject();
            model.put("id", id);
            model.put("object", "model");
            model.put("owned_by", "fake");
            model.put("name", "Fake " + id);
            // like OpenRouter: a context size, and prices (zero for :free models)
            model.put("context_length", id.endsWith(":free") ? 8192 : 131072);
            String price = id.endsWith(":free") ? "0" : "0.000001";
            model.putObject("pricing").put("prompt", price).put("completion", price);
            if (unlabelledIds.contains(id)) {
                continue;
            }
            ObjectNode architecture = model.putObject("architecture");
            ArrayNode input = architecture.putArray("input_modalities").add("text");
            if (imageIds.contains(id)) {
                input.add("image");
            }
            architecture.putArray("output_modalities").add("text");
        }
        return write(root);
    }

    private void addReasoning(ObjectNode message, FakeReply.Completion reply) {
        if (reply.reasoning() == null) {
            return;
        }
        switch (reply.reasoningField()) {
            case REASONING -> message.put("reasoning", reply.reasoning());
            case REASONING_CONTENT -> message.put("reasoning_content", reply.reasoning());
            case REASONING_DETAILS -> {
                ArrayNode details = message.putArray("reasoning_details");
                details.addObject().put("type", "reasoning.encrypted").put("data", "opaque");
                details.addObject().put("type", "reasoning.text").put("text", reply.reasoning());
            }
        }
    }

    private void addUsage(ObjectNode root, FakeReply.Completion reply) {
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", reply.promptTokens());
        usage.put("completion_tokens", reply.completionTokens());
        usage.put("total_tokens", reply.promptTokens() + reply.completionTokens());
    }

    private ObjectNode envelope(String id, String model, String object) {
        ObjectNode root = json.createObjectNode();
        root.put("id", id);
        root.put("object", object);
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", model);
        return root;
    }

    private ObjectNode chunk(String id, String model) {
        return envelope(id, model, "chat.completion.chunk");
    }

    private void event(StringBuilder sse, ObjectNode data) {
        sse.append("data: ").append(write(data)).append("\n\n");
    }

    private static List<String> pieces(String content) {
        List<String> pieces = new java.util.ArrayList<>();
        for (int i = 0; i < content.length(); i += STREAM_PIECE) {
            pieces.add(content.substring(i, Math.min(content.length(), i + STREAM_PIECE)));
        }
        return pieces;
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render fake response", e);
        }
    }
}
