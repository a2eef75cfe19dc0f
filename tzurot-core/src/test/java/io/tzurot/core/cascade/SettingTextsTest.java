package io.tzurot.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import org.junit.jupiter.api.Test;

/** Typed setting values: inherit, clear, durations, switches, and the ranges of the settings themselves. */
class SettingTextsTest {

    @Test
    void emptyOrAutoInheritsAndDefaultClears() {
        assertThat(SettingTexts.parse(SettingKey.MAX_MESSAGES, "")).isEqualTo(TierValue.inherit());
        assertThat(SettingTexts.parse(SettingKey.MAX_MESSAGES, " Auto ")).isEqualTo(TierValue.inherit());
        assertThat(SettingTexts.parse(SettingKey.MAX_MESSAGES, "default")).isEqualTo(TierValue.cleared());
        assertThat(SettingTexts.parse(SettingKey.MAX_MESSAGES, "30")).isEqualTo(TierValue.of(30));
    }

    @Test
    void durationsReadAsSecondsAndOffMeansNoLimit() {
        assertThat(SettingTexts.parse(SettingKey.MAX_AGE, "30m")).isEqualTo(TierValue.of(1800));
        assertThat(SettingTexts.parse(SettingKey.MAX_AGE, "2h")).isEqualTo(TierValue.of(7200));
        assertThat(SettingTexts.parse(SettingKey.MAX_AGE, "1d")).isEqualTo(TierValue.of(86_400));
        assertThat(SettingTexts.parse(SettingKey.MAX_AGE, "90")).isEqualTo(TierValue.of(90));
        assertThat(SettingTexts.parse(SettingKey.MAX_AGE, "off")).isEqualTo(TierValue.cleared());
        assertThat(SettingTexts.parse(SettingKey.MAX_AGE, "0")).isEqualTo(TierValue.cleared());
        assertThat(SettingTexts.show(SettingKey.MAX_AGE, TierValue.of(7200))).isEqualTo("2h");
        assertThat(SettingTexts.show(SettingKey.MAX_AGE, TierValue.cleared())).isEqualTo("off");
        assertThat(SettingTexts.show(SettingKey.MAX_AGE, TierValue.of(90))).isEqualTo("90s");
        assertThatThrownBy(() -> SettingTexts.parse(SettingKey.MAX_AGE, "31d")).isInstanceOf(DomainException.class)
                .hasMessageContaining("maxAge");
        assertThatThrownBy(() -> SettingTexts.parse(SettingKey.MAX_AGE, "soon")).hasMessageContaining("2h");
    }

    @Test
    void switchesNumbersAndRangesAreChecked() {
        assertThat(SettingTexts.parse(SettingKey.SHOW_MODEL_FOOTER, "off")).isEqualTo(TierValue.of(false));
        assertThat(SettingTexts.parse(SettingKey.FOCUS_MODE_ENABLED, "yes")).isEqualTo(TierValue.of(true));
        assertThat(SettingTexts.show(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false))).isEqualTo("off");
        assertThat(SettingTexts.parse(SettingKey.MEMORY_SCORE_THRESHOLD, "0.7")).isEqualTo(TierValue.of(0.7));
        assertThatThrownBy(() -> SettingTexts.parse(SettingKey.SHOW_MODEL_FOOTER, "maybe"))
                .hasMessage("'showModelFooter' takes on or off.");
        assertThatThrownBy(() -> SettingTexts.parse(SettingKey.MAX_MESSAGES, "500"))
                .hasMessage("maxMessages must be an integer from 1 to 100, got 500.");
        assertThatThrownBy(() -> SettingTexts.parse(SettingKey.MAX_IMAGES, "2.5"))
                .hasMessage("'maxImages' takes a whole number.");
        assertThatThrownBy(() -> SettingTexts.parse(SettingKey.MEMORY_SCORE_THRESHOLD, "2"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error().field())
                        .isEqualTo("memoryScoreThreshold"));
    }
}
