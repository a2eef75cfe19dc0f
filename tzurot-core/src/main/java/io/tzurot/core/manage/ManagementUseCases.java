package io.tzurot.core.manage;

import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.ApiKeyRepository;
import io.tzurot.core.apikey.ManagingApiKeys;
import io.tzurot.core.apikey.ProviderKeyValidator;
import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.avatar.UploadingAvatar;
import io.tzurot.core.cascade.EditingChannelSettings;
import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.channel.ActivatingChannel;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.SceneSettingsRepository;
import io.tzurot.core.persona.ChoosingPersona;
import io.tzurot.core.persona.EditingPersonas;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.persona.ViewingPersonas;
import io.tzurot.core.personality.CreatingPersonality;
import io.tzurot.core.personality.DeletingPersonality;
import io.tzurot.core.personality.EditingPersonality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SystemPromptRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.portability.preset.PortingPresets;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.core.preset.ChoosingPreset;
import io.tzurot.core.preset.EditingPresets;
import io.tzurot.core.preset.PresetCascade;
import io.tzurot.core.preset.PresetRepository;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.preset.ViewingPresets;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * Every management use case, built once from the ports, so that the web, Discord and the CLI call the same
 * rules. Each use case reports refusals as {@link io.tzurot.core.failure.DomainException}.
 */
public record ManagementUseCases(ViewingPersonalities viewingPersonalities, CreatingPersonality creatingPersonality,
                                 EditingPersonality editingPersonality, DeletingPersonality deletingPersonality,
                                 ViewingPersonas viewingPersonas, EditingPersonas editingPersonas,
                                 ChoosingPersona choosingPersona, ViewingPresets viewingPresets,
                                 EditingPresets editingPresets, ChoosingPreset choosingPreset, ManagingApiKeys apiKeys,
                                 EditingSettings settings, ActivatingChannel channels, ResolveSettings resolveSettings,
                                 ResolvePreset resolvePreset, EditingChannelSettings channelSettings) {

    public ManagementUseCases {
        Objects.requireNonNull(viewingPersonalities, "viewingPersonalities");
        Objects.requireNonNull(creatingPersonality, "creatingPersonality");
        Objects.requireNonNull(editingPersonality, "editingPersonality");
        Objects.requireNonNull(deletingPersonality, "deletingPersonality");
        Objects.requireNonNull(viewingPersonas, "viewingPersonas");
        Objects.requireNonNull(editingPersonas, "editingPersonas");
        Objects.requireNonNull(choosingPersona, "choosingPersona");
        Objects.requireNonNull(viewingPresets, "viewingPresets");
        Objects.requireNonNull(editingPresets, "editingPresets");
        Objects.requireNonNull(choosingPreset, "choosingPreset");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(resolveSettings, "resolveSettings");
        Objects.requireNonNull(resolvePreset, "resolvePreset");
        Objects.requireNonNull(channelSettings, "channelSettings");
    }

    /** A character's new avatar, checked by the one image rule (shared decoding bound across the process). */
    public UploadingAvatar uploadingAvatar() {
        return new UploadingAvatar(viewingPersonalities, editingPersonality, AvatarImages.SHARED);
    }

    /** Preset files in and out, over the preset use cases above. */
    public PortingPresets portingPresets() {
        return new PortingPresets(viewingPresets, editingPresets);
    }

    /** The ports the use cases work on. */
    public record Ports(PersonalityRepository personalities, Optional<SystemPromptRepository> systemPrompts,
                        PersonaRepository personas, PresetRepository presets, UserRepository users,
                        UserPersonalityConfigRepository userPersonality, AdminSettingsRepository adminSettings,
                        ApiKeyRepository apiKeys, ChannelSettingsRepository channels, BuiltInPreset builtInPreset,
                        SceneSettingsRepository scene) {

        public Ports {
            Objects.requireNonNull(personalities, "personalities");
            Objects.requireNonNull(systemPrompts, "systemPrompts");
            Objects.requireNonNull(personas, "personas");
            Objects.requireNonNull(presets, "presets");
            Objects.requireNonNull(users, "users");
            Objects.requireNonNull(userPersonality, "userPersonality");
            Objects.requireNonNull(adminSettings, "adminSettings");
            Objects.requireNonNull(apiKeys, "apiKeys");
            Objects.requireNonNull(channels, "channels");
            Objects.requireNonNull(builtInPreset, "builtInPreset");
            Objects.requireNonNull(scene, "scene");
        }
    }

    /**
     * Builds every use case.
     *
     * @param cipher    encrypts provider keys; empty when {@code TZUROT_ENCRYPTION_KEY} is unset (keys cannot be set)
     * @param validator checks a provider key with the provider before it is stored
     */
    public static ManagementUseCases of(Ports ports, Optional<ApiKeyCipher> cipher, ProviderKeyValidator validator) {
        PersonalityRepository personalities = ports.personalities();
        ResolveSettings resolveSettings = new ResolveSettings(ports.adminSettings(), personalities, ports.channels(),
                ports.users(), ports.userPersonality());
        ViewingPresets viewingPresets = new ViewingPresets(ports.presets(), ports.users(), ports.userPersonality(),
                personalities);
        return new ManagementUseCases(new ViewingPersonalities(personalities),
                new CreatingPersonality(personalities, ports.systemPrompts()), new EditingPersonality(personalities),
                new DeletingPersonality(personalities),
                new ViewingPersonas(ports.personas(), ports.users(), ports.userPersonality(), personalities),
                new EditingPersonas(ports.personas()),
                new ChoosingPersona(ports.personas(), ports.users(), ports.userPersonality(), personalities),
                viewingPresets, new EditingPresets(ports.presets(), viewingPresets),
                new ChoosingPreset(ports.presets(), viewingPresets, personalities, ports.users(), ports.userPersonality()),
                new ManagingApiKeys(ports.apiKeys(), cipher, validator),
                new EditingSettings(ports.users(), ports.userPersonality(), ports.adminSettings(), personalities),
                new ActivatingChannel(ports.channels(), personalities, ports.scene()),
                resolveSettings,
                new ResolvePreset(ports.presets(), ports.users(), personalities, ports.userPersonality(),
                        new PresetCascade(ports.builtInPreset())),
                new EditingChannelSettings(ports.channels(), resolveSettings));
    }
}
