package io.tzurot.core.reply;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's model provider: its base URL and the system key (guest mode). Guest-mode rules (free
 * models only) apply only to OpenRouter, where ":free" models exist; a local provider such as Ollama needs
 * no key at all.
 */
public record ProviderAccess(String baseUrl, Optional<String> systemKey) {

    /** The provider name under which users store their own keys. */
    public static final String PROVIDER = "openrouter";
    /** The free model used in guest mode when no free-default preset is configured. */
    public static final String FALLBACK_FREE_MODEL = "google/gemma-3-27b-it:free";

    public ProviderAccess {
        Objects.requireNonNull(baseUrl, "baseUrl");
        systemKey = systemKey == null ? Optional.<String>empty() : systemKey.filter(k -> !k.isBlank());
    }

    public boolean isOpenRouter() {
        return baseUrl.toLowerCase(Locale.ROOT).contains("openrouter.ai");
    }

    /** The provider's name in the usage log: OpenRouter, or any other OpenAI-compatible endpoint. */
    public String name() {
        return isOpenRouter() ? PROVIDER : "openai-compatible";
    }

    /** True for models that cost nothing on OpenRouter. */
    public static boolean isFreeModel(String model) {
        return model != null && model.endsWith(":free");
    }

    @Override
    public String toString() {
        return "ProviderAccess[" + baseUrl + ", systemKey=" + (systemKey.isPresent() ? "set" : "none") + "]";
    }
}
