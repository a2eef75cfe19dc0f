package io.tzurot.core.model;

import java.util.List;
import java.util.Objects;

/** One chat completion request: model id, messages in order and parameters. */
public record ModelRequest(String model, List<ModelMessage> messages, ModelParameters parameters) {

    public ModelRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        parameters = parameters == null ? ModelParameters.DEFAULTS : parameters;
    }

    /** The same request for another model (vision fallback, guest substitution). */
    public ModelRequest withModel(String otherModel) {
        return new ModelRequest(otherModel, messages, parameters);
    }
}
