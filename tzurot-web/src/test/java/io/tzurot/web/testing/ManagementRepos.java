package io.tzurot.web.testing;

import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SystemPromptRepository;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;

/** The repositories behind the management use cases in web tests, for arranging and checking stored rows. */
public record ManagementRepos(PersonalityRepository personalities, SystemPromptRepository systemPrompts,
                              PersonaRepository personas, PresetRepository presets, UserRepository users,
                              UserPersonalityConfigRepository userPersonality, AdminSettingsRepository adminSettings,
                              ApiKeyRepository apiKeys, ChannelSettingsRepository channels) {
}
