package io.tzurot.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import org.junit.jupiter.api.Test;

class SettingTextTest {

    @Test
    void emptyOrAutoInherits() {
        for (SettingKey key : SettingKey.values()) {
            assertThat(SettingText.parse(key, "")).isEqualTo(TierValue.inherit());
            assertThat(SettingText.parse(key, " Auto ")).isEqualTo(TierValue.inherit());
        }
    }

    @Test
    void agesReadAsDurationsAndOffClearsTheLimit() {
        assertThat(SettingText.parse(SettingKey.MAX_AGE, "30m")).isEqualTo(TierValue.of(1800));
        assertThat(SettingText.parse(SettingKey.MAX_AGE, "2h")).isEqualTo(TierValue.of(7200));
        assertThat(SettingText.parse(SettingKey.MAX_AGE, "1d")).isEqualTo(TierValue.of(86_400));
        assertThat(SettingText.parse(SettingKey.MAX_AGE, "90")).isEqualTo(TierValue.of(90));
        assertThat(SettingText.parse(SettingKey.MAX_AGE, "off")).isEqualTo(TierValue.cleared());
        assertThat(SettingText.parse(SettingKey.MAX_AGE, "0")).isEqualTo(TierValue.cleared());
        assertThat(SettingText.show(SettingKey.MAX_AGE, TierValue.of(7200))).isEqualTo("2h");
        assertThat(SettingText.show(SettingKey.MAX_AGE, TierValue.of(90))).isEqualTo("90s");
        assertThat(SettingText.show(SettingKey.MAX_AGE, TierValue.cleared())).isEqualTo("off");
        assertThat(SettingText.show(SettingKey.MAX_AGE, (Object) null)).isEqualTo("off");
        assertThatThrownBy(() -> SettingText.parse(SettingKey.MAX_AGE, "31d")).isInstanceOf(DomainException.class)
                .hasMessageContaining("maxAge");
        assertThatThrownBy(() -> SettingText.parse(SettingKey.MAX_AGE, "soon")).hasMessageContaining("30m");
    }

    @Test
    void numbersAndSwitchesAreCheckedAgainstTheirRanges() {
        assertThat(SettingText.parse(SettingKey.MAX_MESSAGES, "12")).isEqualTo(TierValue.of(12));
        assertThat(SettingText.parse(SettingKey.SHOW_MODEL_FOOTER, "Off")).isEqualTo(TierValue.of(false));
        assertThat(SettingText.parse(SettingKey.FOCUS_MODE_ENABLED, "yes")).isEqualTo(TierValue.of(true));
        assertThat(SettingText.parse(SettingKey.MEMORY_SCORE_THRESHOLD, "0.7")).isEqualTo(TierValue.of(0.7));
        assertThat(SettingText.show(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(true))).isEqualTo("on");
        assertThat(SettingText.show(SettingKey.MAX_MESSAGES, TierValue.inherit())).isEmpty();
        assertThatThrownBy(() -> SettingText.parse(SettingKey.MAX_MESSAGES, "500"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error().field()).isEqualTo("maxMessages"))
                .hasMessageContaining("1 to 100");
        assertThatThrownBy(() -> SettingText.parse(SettingKey.MAX_IMAGES, "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> SettingText.parse(SettingKey.SHOW_MODEL_FOOTER, "maybe"))
                .hasMessageContaining("on or off");
    }
}
