package io.tzurot.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolveSettingsTest {

    private static final UUID USER = DeterministicIds.user("1");
    private static final UUID PERSONALITY = DeterministicIds.personality("luna");

    /** A port whose named methods answer from the map; any other call fails the test. */
    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> port, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.isDefault()) {
                return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (!answers.containsKey(method.getName())) {
                throw new AssertionError("unexpected call " + method.getName());
            }
            Object answer = answers.get(method.getName());
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return answer;
        });
    }

    private static ConfigOverrides tier(SettingKey key, Object value) {
        return ConfigOverrides.EMPTY.with(key, TierValue.of(value));
    }

    @Test
    void loadsAllFourTiers() {
        ResolveSettings resolve = new ResolveSettings(
                stub(AdminSettingsRepository.class, Map.of("get", new AdminSettings(AdminSettings.SINGLETON_ID, null,
                        tier(SettingKey.MAX_IMAGES, 4), null, null))),
                stub(PersonalityRepository.class, Map.of("configDefaults", tier(SettingKey.MAX_MESSAGES, 7))),
                channels(Map.of()),
                stub(UserRepository.class, Map.of("configDefaults", tier(SettingKey.MEMORY_LIMIT, 0))),
                stub(UserPersonalityConfigRepository.class, Map.of("find", Optional.of(new UserPersonalityConfig(
                        UUID.randomUUID(), USER, PERSONALITY, null, null, tier(SettingKey.FOCUS_MODE_ENABLED, true), null, null)))));

        ResolvedSettings s = resolve.resolve(USER, PERSONALITY);

        assertThat(s.maxImages()).isEqualTo(4);
        assertThat(s.sourceOf(SettingKey.MAX_IMAGES)).isEqualTo(SettingSource.ADMIN);
        assertThat(s.maxMessages()).isEqualTo(7);
        assertThat(s.memoryLimit()).isZero();
        assertThat(s.focusModeEnabled()).isTrue();
        assertThat(s.sourceOf(SettingKey.FOCUS_MODE_ENABLED)).isEqualTo(SettingSource.USER_PERSONALITY);
    }

    @Test
    void aTierThatFailsToLoadIsSkipped() {
        ResolveSettings resolve = new ResolveSettings(
                stub(AdminSettingsRepository.class, Map.of("get", new IllegalStateException("database down"))),
                stub(PersonalityRepository.class, Map.of("configDefaults", tier(SettingKey.MAX_MESSAGES, 7))),
                stub(ChannelSettingsRepository.class, Map.of("find", new IllegalStateException("channel table gone"))),
                stub(UserRepository.class, Map.of("configDefaults", new IllegalStateException("timeout"))),
                stub(UserPersonalityConfigRepository.class, Map.of("find", Optional.empty())));

        ResolvedSettings s = resolve.resolve(USER, PERSONALITY, "42", null);

        assertThat(s.maxMessages()).isEqualTo(7);
        assertThat(s.sourceOf(SettingKey.MAX_IMAGES)).isEqualTo(SettingSource.HARDCODED);
    }

    @Test
    void anonymousCallersOnlyGetAdminAndPersonalityTiers() {
        ResolveSettings resolve = new ResolveSettings(
                stub(AdminSettingsRepository.class, Map.of("get", new AdminSettings(AdminSettings.SINGLETON_ID, null,
                        ConfigOverrides.EMPTY, null, null))),
                stub(PersonalityRepository.class, Map.of("configDefaults", tier(SettingKey.MAX_AGE, 60))),
                channels(Map.of()),
                stub(UserRepository.class, Map.of()),
                stub(UserPersonalityConfigRepository.class, Map.of()));

        assertThat(resolve.resolve(null, PERSONALITY).maxAge()).contains(60);
        assertThat(resolve.resolve(null, null).maxAge()).isEmpty();
    }

    /** Channel rows by id; a channel without one has no row. */
    private static ChannelSettingsRepository channels(Map<String, ConfigOverrides> tiers) {
        return (ChannelSettingsRepository) Proxy.newProxyInstance(ChannelSettingsRepository.class.getClassLoader(),
                new Class<?>[] {ChannelSettingsRepository.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (!method.getName().equals("find")) {
                        throw new AssertionError("unexpected call " + method.getName());
                    }
                    String id = (String) args[0];
                    return Optional.ofNullable(tiers.get(id)).map(t -> new ChannelSettings(UUID.randomUUID(), id, "9",
                            java.util.List.of(), true, null, null, t, null, null));
                });
    }

    private ResolveSettings withChannels(Map<String, ConfigOverrides> tiers, ConfigOverrides userDefault) {
        return new ResolveSettings(
                stub(AdminSettingsRepository.class, Map.of("get", new AdminSettings(AdminSettings.SINGLETON_ID, null,
                        tier(SettingKey.MAX_MESSAGES, 30), null, null))),
                stub(PersonalityRepository.class, Map.of("configDefaults", tier(SettingKey.MAX_MESSAGES, 20))),
                channels(tiers),
                stub(UserRepository.class, Map.of("configDefaults", userDefault)),
                stub(UserPersonalityConfigRepository.class, Map.of("find", Optional.empty())));
    }

    @Test
    void theChannelTierOverridesTheCharacterAndYieldsToTheUser() {
        ResolveSettings resolve = withChannels(Map.of("42", tier(SettingKey.MAX_MESSAGES, 5)), ConfigOverrides.EMPTY);

        ResolvedSettings inChannel = resolve.resolve(USER, PERSONALITY, "42", null);
        assertThat(inChannel.maxMessages()).isEqualTo(5);
        assertThat(inChannel.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.CHANNEL);
        assertThat(resolve.resolve(USER, PERSONALITY, "43", null).maxMessages()).isEqualTo(20);
        assertThat(resolve.resolve(USER, PERSONALITY).maxMessages()).isEqualTo(20);
        assertThat(resolve.resolve(null, null, "42", null).maxMessages()).as("anonymous, no character").isEqualTo(5);

        ResolveSettings mine = withChannels(Map.of("42", tier(SettingKey.MAX_MESSAGES, 5)),
                tier(SettingKey.MAX_MESSAGES, 12));
        assertThat(mine.resolve(USER, PERSONALITY, "42", null).maxMessages()).isEqualTo(12);
        assertThat(mine.resolve(USER, PERSONALITY, "42", null).sourceOf(SettingKey.MAX_MESSAGES))
                .isEqualTo(SettingSource.USER_DEFAULT);
    }

    @Test
    void aThreadFollowsItsParentUnlessItHasATierOfItsOwn() {
        ResolveSettings resolve = withChannels(Map.of("42", tier(SettingKey.MAX_MESSAGES, 5),
                "77", tier(SettingKey.MAX_IMAGES, 1), "78", ConfigOverrides.EMPTY), ConfigOverrides.EMPTY);

        assertThat(resolve.resolve(USER, PERSONALITY, "700", "42").maxMessages()).as("thread without a row").isEqualTo(5);
        assertThat(resolve.resolve(USER, PERSONALITY, "78", "42").maxMessages()).as("thread with an empty tier")
                .isEqualTo(5);
        ResolvedSettings own = resolve.resolve(USER, PERSONALITY, "77", "42");
        assertThat(own.maxImages()).isEqualTo(1);
        assertThat(own.maxMessages()).as("its own tier replaces the parent's as a whole").isEqualTo(20);
    }
}
