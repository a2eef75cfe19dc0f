package io.tzurot.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Port: the models a provider offers ({@code GET {baseUrl}/models}), for people choosing one. */
public interface ModelListing {

    /**
     * One listed model.
     *
     * @param contextLength tokens, 0 when the provider does not say
     * @param vision whether it accepts images
     * @param free whether it costs nothing (an id ending in {@code :free}, or zero prices)
     */
    record ModelInfo(String id, String name, int contextLength, boolean vision, boolean free) {

        public ModelInfo {
            Objects.requireNonNull(id, "id");
            name = name == null || name.isBlank() ? id : name;
        }
    }

    /** The provider's models; an empty list when it cannot be read (the reason is logged by the adapter). */
    List<ModelInfo> list(String baseUrl, Optional<String> apiKey);

    /** A listing that knows no models (no provider configured). */
    static ModelListing none() {
        return (baseUrl, apiKey) -> List.of();
    }
}
