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

        ResolvedSettings s = SettingsCascade.resolve(admin, personality, ConfigOverrides.EMPTY, userDefault,
                userPersonality);

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

        ResolvedSettings s = SettingsCascade.resolve(admin, personality, null, userDefault, ConfigOverrides.EMPTY);

        assertThat(s.maxAge()).isEmpty();
        assertThat(s.sourceOf(SettingKey.MAX_AGE)).isEqualTo(SettingSource.USER_DEFAULT);
        assertThat(s.maxMessages()).isEqualTo(50);
        assertThat(s.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.USER_DEFAULT);
    }

    @Test
    void explicitNullAtTheTopTierStillWinsAndAbsentKeysInherit() {
        ConfigOverrides personality = tier(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false));
        ConfigOverrides userPersonality = tier(SettingKey.SHOW_MODEL_FOOTER, TierValue.cleared());

        ResolvedSettings s = SettingsCascade.resolve(null, personality, null, null, userPersonality);
        ResolvedSettings inherited = SettingsCascade.resolve(null, personality, null, null, ConfigOverrides.EMPTY);

        assertThat(s.showModelFooter()).isTrue();
        assertThat(s.sourceOf(SettingKey.SHOW_MODEL_FOOTER)).isEqualTo(SettingSource.USER_PERSONALITY);
        assertThat(inherited.showModelFooter()).isFalse();
        assertThat(inherited.sourceOf(SettingKey.SHOW_MODEL_FOOTER)).isEqualTo(SettingSource.PERSONALITY);
    }

    @Test
    void theChannelTierSitsBetweenThePersonalityAndTheUsersOwnTiers() {
        ConfigOverrides personality = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(40))
                .with(SettingKey.MAX_IMAGES, TierValue.of(8)).with(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(true));
        ConfigOverrides channel = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(5))
                .with(SettingKey.MAX_IMAGES, TierValue.of(2)).with(SettingKey.MAX_AGE, TierValue.cleared())
                .with(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false));
        ConfigOverrides userDefault = tier(SettingKey.MAX_IMAGES, TierValue.of(4));
        ConfigOverrides userPersonality = tier(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(true));
        ConfigOverrides admin = tier(SettingKey.MAX_AGE, TierValue.of(600));

        ResolvedSettings s = SettingsCascade.resolve(admin, personality, channel, userDefault, userPersonality);

        assertThat(s.maxMessages()).isEqualTo(5); // the channel beats the character
        assertThat(s.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.CHANNEL);
        assertThat(s.maxAge()).isEmpty(); // the channel's explicit "no limit" hides the admin's 10 minutes
        assertThat(s.sourceOf(SettingKey.MAX_AGE)).isEqualTo(SettingSource.CHANNEL);
        assertThat(s.maxImages()).isEqualTo(4); // the user's default beats the channel
        assertThat(s.sourceOf(SettingKey.MAX_IMAGES)).isEqualTo(SettingSource.USER_DEFAULT);
        assertThat(s.showModelFooter()).isTrue(); // and so does the user's choice for this character
        assertThat(s.sourceOf(SettingKey.SHOW_MODEL_FOOTER)).isEqualTo(SettingSource.USER_PERSONALITY);
    }

    @Test
    void memoryLimitZeroTurnsRetrievalOff() {
        ResolvedSettings s = SettingsCascade.resolve(tier(SettingKey.MEMORY_LIMIT, TierValue.of(0)),
                ConfigOverrides.EMPTY, ConfigOverrides.EMPTY, ConfigOverrides.EMPTY, ConfigOverrides.EMPTY);

        assertThat(s.memoryLimit()).isZero();
        assertThat(s.memoryRetrievalEnabled()).isFalse();
    }

    @Test
    void sourcesUseTheWireNames() {
        assertThat(Map.of(SettingSource.HARDCODED, "hardcoded", SettingSource.ADMIN, "admin",
                SettingSource.PERSONALITY, "personality", SettingSource.CHANNEL, "channel",
                SettingSource.USER_DEFAULT, "user-default",
                SettingSource.USER_PERSONALITY, "user-personality"))
                .allSatisfy((source, name) -> assertThat(source.wireName()).isEqualTo(name));
    }
}
