package io.tzurot.core.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigOverridesTest {

    private static ConfigOverrides valid(Map<String, ?> entries) {
        ConfigOverrides.Parsed parsed = ConfigOverrides.parse(entries);
        assertThat(parsed).isInstanceOf(ConfigOverrides.Parsed.Valid.class);
        return ((ConfigOverrides.Parsed.Valid) parsed).overrides();
    }

    private static java.util.List<String> problems(Map<String, ?> entries) {
        ConfigOverrides.Parsed parsed = ConfigOverrides.parse(entries);
        assertThat(parsed).isInstanceOf(ConfigOverrides.Parsed.Invalid.class);
        return ((ConfigOverrides.Parsed.Invalid) parsed).problems();
    }

    @Test
    void parsesEveryKeyAndKeepsExplicitNulls() {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("maxMessages", 30);
        entries.put("maxAge", null);
        entries.put("maxImages", 0L);
        entries.put("memoryScoreThreshold", new BigDecimal("0.75"));
        entries.put("memoryLimit", 0);
        entries.put("focusModeEnabled", true);
        entries.put("showModelFooter", false);

        ConfigOverrides tier = valid(entries);

        assertThat(tier.get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(30));
        assertThat(tier.get(SettingKey.MAX_AGE)).isEqualTo(TierValue.cleared());
        assertThat(tier.get(SettingKey.MAX_IMAGES)).isEqualTo(TierValue.of(0));
        assertThat(tier.get(SettingKey.MEMORY_SCORE_THRESHOLD)).isEqualTo(TierValue.of(0.75));
        assertThat(tier.get(SettingKey.FOCUS_MODE_ENABLED)).isEqualTo(TierValue.of(true));
        Map<String, Object> expected = new LinkedHashMap<>(entries);
        expected.put("maxImages", 0);
        expected.put("memoryScoreThreshold", 0.75);
        assertThat(tier.toEntries()).containsExactlyEntriesOf(expected);
    }

    @Test
    void unknownKeysAndOutOfRangeValuesInvalidateTheTier() {
        assertThat(problems(Map.of("maxMessages", 0))).singleElement().asString().contains("maxMessages", "1 to 100");
        assertThat(problems(Map.of("maxMessages", 101))).hasSize(1);
        assertThat(problems(Map.of("maxImages", 21))).hasSize(1);
        assertThat(problems(Map.of("maxAge", -1))).hasSize(1);
        assertThat(problems(Map.of("memoryScoreThreshold", 1.5))).hasSize(1);
        assertThat(problems(Map.of("memoryLimit", 2.5))).singleElement().asString().contains("integer");
        assertThat(problems(Map.of("focusModeEnabled", "yes"))).singleElement().asString().contains("true or false");
        assertThat(problems(Map.of("colour", "red", "maxMessages", 500))).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("unknown setting 'colour'"));
    }

    @Test
    void integralDoublesAreAcceptedAsIntegers() {
        assertThat(valid(Map.of("maxMessages", 12.0)).get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(12));
    }

    @Test
    void mergeReplacesOnlyTheKeysOfThePatch() {
        ConfigOverrides stored = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(10))
                .with(SettingKey.MAX_AGE, TierValue.of(60));
        ConfigOverrides patch = ConfigOverrides.EMPTY.with(SettingKey.MAX_AGE, TierValue.cleared());

        ConfigOverrides merged = stored.merge(patch);

        assertThat(merged.get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(10));
        assertThat(merged.get(SettingKey.MAX_AGE)).isEqualTo(TierValue.cleared());
        assertThat(merged.with(SettingKey.MAX_AGE, TierValue.inherit()).values()).containsOnlyKeys(SettingKey.MAX_MESSAGES);
        assertThat(ConfigOverrides.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void constructingWithAnOutOfRangeValueFails() {
        assertThatThrownBy(() -> ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(99)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxImages");
        assertThatThrownBy(() -> ConfigOverrides.EMPTY.with(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
