package io.tzurot.app.wiring;

import io.tzurot.app.config.SummarySettings;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.memory.IncognitoSessions;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetCascade;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.reply.ProviderAccess;
import io.tzurot.core.reply.ResolvingCredentials;
import io.tzurot.core.retention.Sweep;
import io.tzurot.core.summaries.SummarizingMemories;
import io.tzurot.core.summaries.SummaryPolicy;
import io.tzurot.core.summaries.SummaryTarget;
import io.tzurot.storage.memory.JdbiSummaryRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Long-term-memory summaries in a worker: with {@code TZUROT_SUMMARY_PRESET} set, the {@code memory-summaries} sweep
 * joins the retention sweeps (once per fleet per period). The model call is paid like a reply of the persona's owner
 * with the character: the owner's own key, else the operator's (guest mode).
 */
public final class SummaryWiring {

    private SummaryWiring() {
    }

    /** The summary sweep when summaries are on; none otherwise. */
    public static List<Sweep> sweeps(TzurotConfig config, Repositories repos, ModelComponents models, byte[] masterKey,
                                     EphemeralKeyStore keys, Clock clock) {
        SummarySettings settings = config.summaries();
        if (!settings.enabled()) {
            return List.of();
        }
        ProviderAccess provider = new ProviderAccess(config.llmBaseUrl().toString(), config.llmApiKey());
        return List.of(summarizing(settings, repos, models, masterKey, provider, config.defaultModel(),
                new IncognitoSessions(keys, clock), config.llmTimeout()).asSweep());
    }

    /** The use case itself (tests run its sweep directly). */
    public static SummarizingMemories summarizing(SummarySettings settings, Repositories repos, ModelComponents models,
                                                  byte[] masterKey, ProviderAccess provider, String defaultModel,
                                                  IncognitoSessions incognito, Duration modelTimeout) {
        ResolvePreset presets = new ResolvePreset(repos.presets(), repos.users(), repos.personalities(),
                repos.userPersonalityConfigs(), new PresetCascade(BuiltInPreset.withModel(defaultModel)));
        ResolvingCredentials credentials = new ResolvingCredentials(
                new RevealApiKey(repos.apiKeys(), new ApiKeyCipher(masterKey)), repos.presets(), provider);
        SummaryTarget target = (owner, personality) -> credentials.resolve(owner, presets.resolve(owner, personality))
                .map(resolved -> new SummaryTarget.Call(settings.presetId().flatMap(repos.presets()::findById)
                        .map(Preset::model).orElse(resolved.preset().model()), resolved.credentials().apiKey(),
                        Optional.of(provider.baseUrl())));
        return new SummarizingMemories(new JdbiSummaryRepository(repos.database()), models.chat(), models.embeddings(),
                target, (owner, personality) -> incognito.covering(owner, personality).isPresent(),
                SummaryPolicy.DEFAULTS.with(settings.minAge(), settings.minMemories()), modelTimeout);
    }
}
