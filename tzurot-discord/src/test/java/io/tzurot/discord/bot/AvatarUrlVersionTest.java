package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The avatar URL changes when the avatar does, busting Discord's avatar cache (spec/discord.md §1.12). */
class AvatarUrlVersionTest {

    @Test
    void aChangedAvatarHasANewUrlAndAnUnknownVersionLeavesTheUrlPlain() {
        DiscordSettings settings = DiscordSettings.of("token").withPublicBaseUrl("https://tzurot.example");
        Instant first = Instant.parse("2026-12-06T09:00:00Z");

        String before = settings.avatarUrl("ada", Optional.of(first)).orElseThrow();
        String after = settings.avatarUrl("ada", Optional.of(first.plusSeconds(30))).orElseThrow();

        assertThat(before).isEqualTo("https://tzurot.example/avatars/ada.png?v=" + first.toEpochMilli());
        assertThat(after).isNotEqualTo(before).startsWith("https://tzurot.example/avatars/ada.png?v=");
        assertThat(settings.avatarUrl("ada", Optional.empty())).contains("https://tzurot.example/avatars/ada.png");
        assertThat(DiscordSettings.of("token").avatarUrl("ada", Optional.of(first))).isEmpty();
    }
}
