package io.tzurot.core.reply;

import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.ResolvedPreset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Chooses the key for a reply (datamodel.md §2.2): the user's own key (BYOK) if stored, else the
 * operator's key in guest mode, where a paid model is swapped for the free default and a paid vision model
 * is dropped.
 */
public final class ResolvingCredentials {

    /** The key and the preset as it must be used with that key. */
    public record Resolved(Credentials credentials, ResolvedPreset preset) {
    }

    private final RevealApiKey userKeys;
    private final PresetRepository presets;
    private final ProviderAccess provider;

    public ResolvingCredentials(RevealApiKey userKeys, PresetRepository presets, ProviderAccess provider) {
        this.userKeys = Objects.requireNonNull(userKeys, "userKeys");
        this.presets = Objects.requireNonNull(presets, "presets");
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** Empty when there is no way to pay for the call: no user key and no system key for a paid provider. */
    public Optional<Resolved> resolve(UUID userId, ResolvedPreset preset) {
        Optional<String> own = userId == null ? Optional.empty() : userKeys.execute(userId, ProviderAccess.PROVIDER);
        if (own.isPresent()) {
            return Optional.of(new Resolved(new Credentials(own.get(), false), preset));
        }
        if (!provider.isOpenRouter()) {
            // A self-hosted provider (Ollama, vLLM, ...) is the operator's own: no guest restrictions, key optional.
            return Optional.of(new Resolved(new Credentials(provider.systemKey().orElse(""), false), preset));
        }
        if (provider.systemKey().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Resolved(new Credentials(provider.systemKey().get(), true), forGuest(preset)));
    }

    private ResolvedPreset forGuest(ResolvedPreset preset) {
        String model = ProviderAccess.isFreeModel(preset.model()) ? preset.model()
                : presets.findFreeDefault().map(Preset::model).orElse(ProviderAccess.FALLBACK_FREE_MODEL);
        String vision = ProviderAccess.isFreeModel(preset.visionModel()) ? preset.visionModel() : null;
        return new ResolvedPreset(model, vision, preset.contextWindowTokens(), preset.parameters(), preset.presetId(),
                preset.presetName(), preset.sources());
    }
}
