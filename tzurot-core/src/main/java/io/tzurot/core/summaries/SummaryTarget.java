package io.tzurot.core.summaries;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Port: which model summarizes a conversation, and with which key (the app resolves presets and keys). */
@FunctionalInterface
public interface SummaryTarget {

    /** The model call for the persona owner's conversation with this character; empty when nothing can pay for it. */
    Optional<Call> forConversation(UUID ownerId, UUID personalityId);

    /** A model, the key to call it with, and the provider (the default one when empty). */
    record Call(String model, String apiKey, Optional<String> baseUrl) {
        public Call {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(baseUrl, "baseUrl");
        }

        @Override
        public String toString() {
            return "Call[" + model + ", " + baseUrl.orElse("default provider") + "]"; // never the key
        }
    }
}
