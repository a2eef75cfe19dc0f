package io.tzurot.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCascadeTest {

    private static ConfigOverrides tier(SettingKey key, TierValue<?> value) {
        return ConfigOverrides.EMPTY.with(key, value);
    }

    @Test
    void noTiersGiveTheHardcodedDefaults() {
        ResolvedSettings s = ResolvedSettings.hardcoded();

        assertThat(s.maxMessages()).isEqualTo(50);
        assertThat(s.maxAge()).isEmpty();
        assertThat(s.maxImages()).isEqualTo(10);
        assertThat(s.memoryScoreThreshold()).isEqualTo(0.5);
        assertThat(s.memoryLimit()).isEqualTo(20);
        assertThat(s.focusModeEnabled()).isFalse();
        assertThat(s.showModelFooter()).isTrue();
        assertThat(s.memoryRetrievalEnabled()).isTrue();
        assertThat(s.sources().values()).containsOnly(SettingSource.HARDCODED);
    }

    @Test
    void eachTierOverridesTheOnesBelow() {
        ConfigOverrides admin = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(10))
                .with(SettingKey.MAX_IMAGES, TierValue.of(1)).with(SettingKey.MEMORY_LIMIT, TierValue.of(2))
                .with(SettingKey.FOCUS_MODE_ENABLED, TierValue.of(true));
        ConfigOverrides personality = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(20))
                .with(SettingKey.MAX_IMAGES, TierValue.of(2)).with(SettingKey.MEMORY_LIMIT, TierValue.of(3));
        ConfigOverrides userDefault = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(30))
                .with(SettingKey.MAX_IMAGES, TierValue.of(3));
        ConfigOverrides userPersonality = tier(SettingKey.MAX_MESSAGES, TierValue.of(40));

        ResolvedSettings s = SettingsCascade.resolve(admin, personality, userDefault, userPersonality);

        assertThat(s.maxMessages()).isEqualTo(40);
        assertThat(s.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.USER_PERSONALITY);
        assertThat(s.maxImages()).isEqualTo(3);
        assertThat(s.sourceOf(SettingKey.MAX_IMAGES)).isEqualTo(SettingSource.USER_DEFAULT);
        assertThat(s.memoryLimit()).isEqualTo(3);
        assertThat(s.sourceOf(SettingKey.MEMORY_LIMIT)).isEqualTo(SettingSource.PERSONALITY);
        assertThat(s.focusModeEnabled()).isTrue();
        assertThat(s.sourceOf(SettingKey.FOCUS_MODE_ENABLED)).isEqualTo(SettingSource.ADMIN);
        assertThat(s.memoryRetrievalEnabled()).isFalse();
        assertThat(s.memoryScoreThreshold()).isEqualTo(0.5);
        assertThat(s.sourceOf(SettingKey.MEMORY_SCORE_THRESHOLD)).isEqualTo(SettingSource.HARDCODED);
    }

    @Test
    void explicitNullOverridesLowerTiersWithTheNoValueMeaning() {
        ConfigOverrides admin = ConfigOverrides.EMPTY.with(SettingKey.MAX_AGE, TierValue.of(3600))
                .with(SettingKey.MAX_MESSAGES, TierValue.of(10));
        ConfigOverrides personality = tier(SettingKey.MAX_AGE, TierValue.of(60));
        ConfigOverrides userDefault = ConfigOverrides.EMPTY.with(SettingKey.MAX_AGE, TierValue.cleared())
                .with(SettingKey.MAX_MESSAGES, TierValue.cleared());

        ResolvedSettings s = SettingsCascade.resolve(admin, personality, userDefault, ConfigOverrides.EMPTY);

        assertThat(s.maxAge()).isEmpty();
        assertThat(s.sourceOf(SettingKey.MAX_AGE)).isEqualTo(SettingSource.USER_DEFAULT);
        assertThat(s.maxMessages()).isEqualTo(50);
        assertThat(s.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.USER_DEFAULT);
    }

    @Test
    void explicitNullAtTheTopTierStillWinsAndAbsentKeysInherit() {
        ConfigOverrides personality = tier(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false));
        ConfigOverrides userPersonality = tier(SettingKey.SHOW_MODEL_FOOTER, TierValue.cleared());

        ResolvedSettings s = SettingsCascade.resolve(null, personality, null, userPersonality);
        ResolvedSettings inherited = SettingsCascade.resolve(null, personality, null, ConfigOverrides.EMPTY);

        assertThat(s.showModelFooter()).isTrue();
        assertThat(s.sourceOf(SettingKey.SHOW_MODEL_FOOTER)).isEqualTo(SettingSource.USER_PERSONALITY);
        assertThat(inherited.showModelFooter()).isFalse();
        assertThat(inherited.sourceOf(SettingKey.SHOW_MODEL_FOOTER)).isEqualTo(SettingSource.PERSONALITY);
    }

    @Test
    void memoryLimitZeroTurnsRetrievalOff() {
        ResolvedSettings s = SettingsCascade.resolve(tier(SettingKey.MEMORY_LIMIT, TierValue.of(0)),
                ConfigOverrides.EMPTY, ConfigOverrides.EMPTY, ConfigOverrides.EMPTY);

        assertThat(s.memoryLimit()).isZero();
        assertThat(s.memoryRetrievalEnabled()).isFalse();
    }

    @Test
    void sourcesUseTheWireNames() {
        assertThat(Map.of(SettingSource.HARDCODED, "hardcoded", SettingSource.ADMIN, "admin",
                SettingSource.PERSONALITY, "personality", SettingSource.USER_DEFAULT, "user-default",
                SettingSource.USER_PERSONALITY, "user-personality"))
                .allSatisfy((source, name) -> assertThat(source.wireName()).isEqualTo(name));
    }
}
