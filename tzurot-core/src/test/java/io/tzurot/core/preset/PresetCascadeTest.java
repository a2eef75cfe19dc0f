package io.tzurot.core.preset;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresetCascadeTest {

    private static final UUID OWNER = DeterministicIds.user("1");
    private final PresetCascade cascade = new PresetCascade(BuiltInPreset.DEFAULT);

    private static Preset preset(String name, String model, String vision, int contextWindow, AdvancedParameters params) {
        return new Preset(DeterministicIds.preset(name), name, null, OWNER, true, false, false, "openrouter", model, vision,
                params, contextWindow, Instant.EPOCH, Instant.EPOCH);
    }

    private static AdvancedParameters params(Double temperature, Double topP, Integer maxTokens, List<String> stop) {
        return new AdvancedParameters(temperature, topP, null, null, null, null, null, null, null, maxTokens, stop,
                null, null, null, null, null, null, null);
    }

    @Test
    void nothingConfiguredGivesTheBuiltIn() {
        ResolvedPreset r = cascade.resolve(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(r.model()).isEqualTo("anthropic/claude-haiku-4.5");
        assertThat(r.parameters().temperature()).isEqualTo(0.7);
        assertThat(r.contextWindowTokens()).isEqualTo(131_072);
        assertThat(r.parameters().maxTokens()).isNull();
        assertThat(r.vision()).isEmpty();
        assertThat(r.presetId()).isNull();
        assertThat(r.sources().values()).containsOnly(PresetSource.BUILT_IN);
    }

    @Test
    void adminDefaultAppliesOnlyWithoutAPersonalityLink() {
        Preset admin = preset("admin", "a/model", "a/vision", 64_000, params(0.2, 0.9, null, null));
        Preset personality = preset("pers", "p/model", null, 32_000, params(null, null, 1000, null));

        ResolvedPreset viaAdmin = cascade.resolve(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(admin));
        ResolvedPreset viaPersonality = cascade.resolve(Optional.empty(), Optional.empty(), Optional.of(personality), Optional.of(admin));

        assertThat(viaAdmin.model()).isEqualTo("a/model");
        assertThat(viaAdmin.source()).isEqualTo(PresetSource.ADMIN_DEFAULT);
        assertThat(viaAdmin.parameters().topP()).isEqualTo(0.9);
        assertThat(viaAdmin.sourceOf(PresetParameter.VISION_MODEL)).isEqualTo(PresetSource.ADMIN_DEFAULT);
        assertThat(viaPersonality.model()).isEqualTo("p/model");
        assertThat(viaPersonality.source()).isEqualTo(PresetSource.PERSONALITY);
        // no blend between the link and the global default: unset fields fall to the built-in
        assertThat(viaPersonality.parameters().topP()).isNull();
        assertThat(viaPersonality.vision()).isEmpty();
        assertThat(viaPersonality.parameters().temperature()).isEqualTo(0.7);
        assertThat(viaPersonality.sourceOf(PresetParameter.TEMPERATURE)).isEqualTo(PresetSource.BUILT_IN);
        assertThat(viaPersonality.contextWindowTokens()).isEqualTo(32_000);
        assertThat(viaPersonality.presetName()).isEqualTo("pers");
    }

    @Test
    void userDefaultOverridesPerParameterOverThePersonality() {
        Preset personality = preset("pers", "p/model", "p/vision", 32_000, params(0.3, 0.8, 1000, List.of("END")));
        Preset userDefault = preset("mine", "u/model", null, 16_000, params(1.1, null, null, null));

        ResolvedPreset r = cascade.resolve(Optional.empty(), Optional.of(userDefault), Optional.of(personality), Optional.empty());

        assertThat(r.model()).isEqualTo("u/model");
        assertThat(r.source()).isEqualTo(PresetSource.USER_DEFAULT);
        assertThat(r.parameters().temperature()).isEqualTo(1.1);
        assertThat(r.sourceOf(PresetParameter.TEMPERATURE)).isEqualTo(PresetSource.USER_DEFAULT);
        assertThat(r.parameters().topP()).isEqualTo(0.8);
        assertThat(r.parameters().stop()).containsExactly("END");
        assertThat(r.sourceOf(PresetParameter.STOP)).isEqualTo(PresetSource.PERSONALITY);
        assertThat(r.vision()).contains("p/vision");
        assertThat(r.contextWindowTokens()).isEqualTo(16_000);
        assertThat(r.presetId()).isEqualTo(userDefault.id());
    }

    @Test
    void userPersonalityPresetBeatsTheUserDefaultWithoutBlendingIt() {
        Preset personality = preset("pers", "p/model", null, 32_000, params(0.3, null, null, null));
        Preset userDefault = preset("mine", "u/model", null, 16_000, params(1.1, 0.5, null, null));
        Preset perPal = preset("pal", "x/model", null, 8_000, params(null, null, 2048, null));

        ResolvedPreset r = cascade.resolve(Optional.of(perPal), Optional.of(userDefault), Optional.of(personality), Optional.empty());

        assertThat(r.model()).isEqualTo("x/model");
        assertThat(r.source()).isEqualTo(PresetSource.USER_PERSONALITY);
        assertThat(r.parameters().maxTokens()).isEqualTo(2048);
        assertThat(r.parameters().temperature()).isEqualTo(0.3);
        assertThat(r.sourceOf(PresetParameter.TEMPERATURE)).isEqualTo(PresetSource.PERSONALITY);
        assertThat(r.parameters().topP()).isNull();
        assertThat(r.contextWindowTokens()).isEqualTo(8_000);
    }

    @Test
    void userPresetOverAdminDefaultAndConfiguredBuiltInModel() {
        PresetCascade custom = new PresetCascade(BuiltInPreset.withModel("local/llama"));
        Preset admin = preset("admin", "a/model", null, 64_000, params(null, 0.9, null, null));
        Preset userDefault = preset("mine", "u/model", null, 16_000, AdvancedParameters.NONE);

        ResolvedPreset r = custom.resolve(Optional.empty(), Optional.of(userDefault), Optional.empty(), Optional.of(admin));
        ResolvedPreset bare = custom.resolve(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(r.model()).isEqualTo("u/model");
        assertThat(r.parameters().topP()).isEqualTo(0.9);
        assertThat(r.sourceOf(PresetParameter.TOP_P)).isEqualTo(PresetSource.ADMIN_DEFAULT);
        assertThat(bare.model()).isEqualTo("local/llama");
    }
}
