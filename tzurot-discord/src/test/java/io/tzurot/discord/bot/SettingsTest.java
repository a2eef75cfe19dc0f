package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void shardRangesParseAndValidate() {
        assertThat(ShardRange.parse("0-3", 8)).isEqualTo(new ShardRange(0, 3, 8));
        assertThat(ShardRange.parse("5", 8).ids().boxed().toList()).containsExactly(5);
        assertThat(ShardRange.single().sharded()).isFalse();
        assertThatThrownBy(() -> ShardRange.parse("3-9", 8)).hasMessageContaining("0-7");
        assertThatThrownBy(() -> ShardRange.parse("a-b", 8)).hasMessageContaining("--shards");
        assertThatThrownBy(() -> ShardRange.parse("0", 0)).hasMessageContaining("at least 1");
    }

    @Test
    void endpointsAvatarsAndSecrets() {
        DiscordSettings settings = DiscordSettings.of(" secret-token ")
                .withEndpoints(URI.create("http://proxy:8080/api/v10"), URI.create("ws://gateway:9000/gw"))
                .withPublicBaseUrl("https://bots.example/");

        assertThat(settings.token()).isEqualTo("secret-token");
        assertThat(settings.restBaseForJda()).contains("http://proxy:8080/api/v10/");
        assertThat(settings.avatarUrl("lilith")).contains("https://bots.example/avatars/lilith.png");
        assertThat(DiscordSettings.of("t").avatarUrl("lilith")).isEmpty();
        assertThat(settings.toString()).doesNotContain("secret-token");
    }

    @Test
    void badValuesAreRefusedWithTheVariableName() {
        assertThatThrownBy(() -> DiscordSettings.of(" ")).hasMessageContaining("DISCORD_TOKEN");
        assertThatThrownBy(() -> DiscordSettings.of("t").withEndpoints(URI.create("ftp://x/"), URI.create("ws://y/")))
                .hasMessageContaining("DISCORD_REST_URL");
        assertThatThrownBy(() -> DiscordSettings.of("t").withEndpoints(URI.create("http://x/"), URI.create("http://y/")))
                .hasMessageContaining("DISCORD_GATEWAY_URL");
        assertThatThrownBy(() -> DiscordSettings.of("t").withBotOwner("alice")).hasMessageContaining("BOT_OWNER_ID");
        assertThatThrownBy(() -> new DiscordSettings("t", Optional.empty(), Optional.empty(), null, Optional.empty(),
                Optional.empty(), 'x')).hasMessageContaining("BOT_MENTION_CHAR");
    }
}
