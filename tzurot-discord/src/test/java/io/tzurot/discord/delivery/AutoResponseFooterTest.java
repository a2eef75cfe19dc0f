package io.tzurot.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoResponseFooterTest {

    @Test
    void theMarkFollowsTheModelLineOrStandsAlone() {
        assertThat(AutoResponseFooter.mark(Optional.of("-# Model: m\n-# 🔒 Focus Mode • LTM retrieval disabled")))
                .contains("-# Model: m • 📍 auto\n-# 🔒 Focus Mode • LTM retrieval disabled");
        assertThat(AutoResponseFooter.mark(Optional.of("-# Model: m"))).contains("-# Model: m • 📍 auto");
        assertThat(AutoResponseFooter.mark(Optional.empty())).contains("-# 📍 auto-response");
        assertThat(AutoResponseFooter.mark(Optional.of("-# 👻 Incognito Mode • Memories not being saved")))
                .contains("-# 📍 auto-response\n-# 👻 Incognito Mode • Memories not being saved");
    }
}
