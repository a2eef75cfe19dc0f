package io.tzurot.app.wiring;

import io.tzurot.ai.http.LazyHttpClient;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.web.apikey.HttpProviderKeyValidator;
import java.util.Optional;

/** Builds the management use cases (characters, personas, presets, keys, settings, channels) every face calls. */
public final class ManagementWiring {

    private ManagementWiring() {
    }

    /**
     * The use cases over {@code repos}; provider keys are checked at {@code TZUROT_LLM_BASE_URL} and encrypted
     * with {@code masterKey} (null: keys cannot be stored).
     */
    public static ManagementUseCases useCases(Repositories repos, TzurotConfig config, byte[] masterKey) {
        return ManagementUseCases.of(new ManagementUseCases.Ports(repos.personalities(), Optional.of(repos.systemPrompts()),
                        repos.personas(), repos.presets(), repos.users(), repos.userPersonalityConfigs(),
                        repos.adminSettings(), repos.apiKeys(), repos.channels(),
                        BuiltInPreset.withModel(config.defaultModel()), repos.scene()),
                masterKey == null ? Optional.empty() : Optional.of(new ApiKeyCipher(masterKey)),
                new HttpProviderKeyValidator("openrouter", config.llmBaseUrl(),
                        LazyHttpClient.of(HttpProviderKeyValidator::newClient)));
    }
}
