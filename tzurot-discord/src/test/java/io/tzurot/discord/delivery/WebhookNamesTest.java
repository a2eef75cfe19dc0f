package io.tzurot.discord.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookNamesTest {

    @Test
    void theSuffixIsTheBotTagsTailOrTheWholeBotName() {
        assertThat(WebhookNames.of("Lilith", "Tzurot · Dev")).isEqualTo("Lilith · Dev");
        assertThat(WebhookNames.of("Lilith", "Tzurot | Prod")).isEqualTo("Lilith · Prod");
        assertThat(WebhookNames.of("Lilith", "Tzurot")).isEqualTo("Lilith · Tzurot");
        assertThat(WebhookNames.of("Lilith", " ")).isEqualTo("Lilith");
    }

    @Test
    void aLongNameIsCutFromTheCharactersSideToEightyCharacters() {
        String name = WebhookNames.of("N".repeat(100), "Tzurot");
        assertThat(name).hasSize(80).endsWith(" · Tzurot").startsWith("NNNN");
        assertThat(WebhookNames.of("x", "B".repeat(100))).isEqualTo("x · " + "B".repeat(40));
    }
}
