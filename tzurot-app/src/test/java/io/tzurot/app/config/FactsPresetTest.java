package io.tzurot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FactsPresetTest {

    @Test
    void unsetOrOffExtractsNothingReplyUsesTheRepliesModelAndAnIdNamesThePreset() {
        assertThat(FactsPreset.parse(null)).isEqualTo(new FactsPreset(false, Optional.empty()));
        assertThat(FactsPreset.parse(" OFF ")).isEqualTo(new FactsPreset(false, Optional.empty()));
        assertThat(FactsPreset.parse("reply")).isEqualTo(new FactsPreset(true, Optional.empty()));
        UUID id = UUID.randomUUID();
        assertThat(FactsPreset.parse(id.toString())).isEqualTo(new FactsPreset(true, Optional.of(id)));
    }

    @Test
    void aBadValueNamesTheVariable() {
        assertThatThrownBy(() -> FactsPreset.parse("cheap-model")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_FACTS_PRESET").hasMessageContaining("expected a preset id");
    }
}
