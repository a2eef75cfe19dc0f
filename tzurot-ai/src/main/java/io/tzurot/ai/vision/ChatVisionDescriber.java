package io.tzurot.ai.vision;

import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelError;
import io.tzurot.core.model.ModelMessage;
import io.tzurot.core.model.ModelParameters;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.VisionDescriber;
import io.tzurot.core.model.VisionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Describes images with a vision model over the same OpenAI-compatible chat API (spec pipeline.md
 * §10.1): optional system prompt (the personality's), then one user message with the image and a fixed
 * archival instruction, temperature 0.3. Give it a chat model built with
 * {@link io.tzurot.ai.retry.RetryPolicy#VISION} for the reference's 90 s / 3 attempts.
 */
public final class ChatVisionDescriber implements VisionDescriber {

    /** The instruction sent with every image. */
    public static final String INSTRUCTION = "Provide a detailed, objective description of this image for archival "
            + "purposes. Focus on visual details without making value judgments. Describe what you see clearly and "
            + "thoroughly.";

    private static final ModelParameters PARAMETERS = ModelParameters.builder().temperature(0.3).build();

    private final ChatModel chat;

    public ChatVisionDescriber(ChatModel chat) {
        this.chat = Objects.requireNonNull(chat, "chat");
    }

    @Override
    public CompletableFuture<String> describe(VisionRequest request, String apiKey, Optional<String> baseUrl) {
        Objects.requireNonNull(request, "request");
        List<ModelMessage> messages = new ArrayList<>(2);
        request.systemPrompt().filter(p -> !p.isBlank()).ifPresent(p -> messages.add(ModelMessage.system(p)));
        messages.add(ModelMessage.user(INSTRUCTION, List.of(request.image())));
        ModelRequest chatRequest = new ModelRequest(request.model(), messages, PARAMETERS);
        return chat.generate(chatRequest, apiKey, baseUrl).thenApply(response -> {
            String description = response.content().trim();
            if (description.isEmpty()) {
                // a reasoning-only reply has no description to show
                throw new ModelCallException(new ModelError.BadResponse("vision model returned no description"));
            }
            return description;
        });
    }
}
