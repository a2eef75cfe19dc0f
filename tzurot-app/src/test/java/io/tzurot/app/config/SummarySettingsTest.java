package io.tzurot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarySettingsTest {

    @TempDir
    Path dir;

    private SummarySettings parse(Map<String, String> env) {
        return SummarySettings.from(ConfigSources.load(env, dir));
    }

    @Test
    void offByDefaultReplyOrAPresetIdTurnsThemOnWithThirtyDaysAndTenMemories() {
        assertThat(parse(Map.of())).isEqualTo(new SummarySettings(false, Optional.empty(), Duration.ofDays(30), 10));
        assertThat(parse(Map.of("TZUROT_SUMMARY_PRESET", " Off "))).extracting(SummarySettings::enabled).isEqualTo(false);
        assertThat(parse(Map.of("TZUROT_SUMMARY_PRESET", "reply")))
                .isEqualTo(new SummarySettings(true, Optional.empty(), Duration.ofDays(30), 10));
        UUID id = UUID.randomUUID();
        assertThat(parse(Map.of("TZUROT_SUMMARY_PRESET", id.toString(), "TZUROT_SUMMARY_MIN_AGE_DAYS", "7",
                "TZUROT_SUMMARY_MIN_MEMORIES", "4")))
                .isEqualTo(new SummarySettings(true, Optional.of(id), Duration.ofDays(7), 4));
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> parse(Map.of("TZUROT_SUMMARY_PRESET", "cheap-model"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_SUMMARY_PRESET").hasMessageContaining("expected a preset id");
        assertThatThrownBy(() -> parse(Map.of("TZUROT_SUMMARY_MIN_AGE_DAYS", "0"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_SUMMARY_MIN_AGE_DAYS");
        assertThatThrownBy(() -> parse(Map.of("TZUROT_SUMMARY_MIN_MEMORIES", "many"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_SUMMARY_MIN_MEMORIES");
    }
}
