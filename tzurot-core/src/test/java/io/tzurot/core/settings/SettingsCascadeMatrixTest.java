package io.tzurot.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every setting at every tier: the highest tier that has the key wins, and an explicit null there overrides too. */
class SettingsCascadeMatrixTest {

    private static final SettingSource[] TIERS = {SettingSource.ADMIN, SettingSource.PERSONALITY,
        SettingSource.CHANNEL, SettingSource.USER_DEFAULT, SettingSource.USER_PERSONALITY};

    static Stream<Arguments> everySettingAtEveryTier() {
        List<Arguments> out = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            for (int tier = 0; tier < TIERS.length; tier++) {
                out.add(Arguments.of(key, tier));
            }
        }
        return out.stream();
    }

    /** A valid value for {@code key}, different at each tier (booleans alternate). */
    private static Object value(SettingKey key, int tier) {
        return switch (key) {
            case MAX_MESSAGES -> 10 + tier;
            case MAX_AGE -> 100 * (tier + 1);
            case MAX_IMAGES -> tier + 1;
            case MEMORY_SCORE_THRESHOLD -> 0.1 * (tier + 1);
            case MEMORY_LIMIT -> tier + 1;
            case FOCUS_MODE_ENABLED -> tier % 2 == 0;
            case SHOW_MODEL_FOOTER -> tier % 2 != 0;
        };
    }

    private static ResolvedSettings resolve(ConfigOverrides[] tiers) {
        return SettingsCascade.resolve(tiers[0], tiers[1], tiers[2], tiers[3], tiers[4]);
    }

    private static ConfigOverrides[] valuesUpTo(SettingKey key, int top) {
        ConfigOverrides[] tiers = new ConfigOverrides[TIERS.length];
        java.util.Arrays.fill(tiers, ConfigOverrides.EMPTY);
        for (int t = 0; t <= top; t++) {
            tiers[t] = ConfigOverrides.EMPTY.with(key, TierValue.of(value(key, t)));
        }
        return tiers;
    }

    @ParameterizedTest(name = "{0} set at tier {1}")
    @MethodSource("everySettingAtEveryTier")
    void theHighestTierWithAValueWins(SettingKey key, int top) {
        ResolvedSettings s = resolve(valuesUpTo(key, top));

        assertThat(CascadeProbe.value(s, key)).isEqualTo(value(key, top));
        assertThat(s.sourceOf(key)).isEqualTo(TIERS[top]);
        for (SettingKey other : SettingKey.values()) {
            if (other != key) {
                assertThat(s.sourceOf(other)).as("untouched %s", other).isEqualTo(SettingSource.HARDCODED);
            }
        }
    }

    @ParameterizedTest(name = "{0} cleared at tier {1}")
    @MethodSource("everySettingAtEveryTier")
    void anExplicitNullOverridesEveryLowerTier(SettingKey key, int top) {
        ConfigOverrides[] tiers = valuesUpTo(key, top);
        tiers[top] = ConfigOverrides.EMPTY.with(key, TierValue.cleared());

        ResolvedSettings s = resolve(tiers);

        assertThat(CascadeProbe.value(s, key)).isEqualTo(CascadeProbe.value(ResolvedSettings.hardcoded(), key));
        assertThat(s.sourceOf(key)).isEqualTo(TIERS[top]);
    }

    /** Reads one resolved value by key. */
    static final class CascadeProbe {
        static Object value(ResolvedSettings s, SettingKey key) {
            return switch (key) {
                case MAX_MESSAGES -> s.maxMessages();
                case MAX_AGE -> s.maxAgeSeconds();
                case MAX_IMAGES -> s.maxImages();
                case MEMORY_SCORE_THRESHOLD -> s.memoryScoreThreshold();
                case MEMORY_LIMIT -> s.memoryLimit();
                case FOCUS_MODE_ENABLED -> s.focusModeEnabled();
                case SHOW_MODEL_FOOTER -> s.showModelFooter();
            };
        }
    }
}
