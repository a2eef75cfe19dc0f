package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A character's avatar URL carries a version that changes with the avatar (spec/discord.md §1.12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAvatarUrlTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Portrait Hall").env("TZUROT_PUBLIC_URL", "https://tzurot.example");

    @Test
    void theAvatarUrlCarriesTheVersionOfTheAvatarSoDiscordDoesNotShowACachedOne() {
        Personality ada = scene.app.character("Ada", "ada");
        scene.app.repos.personalities().setAvatar(ada.id(), new byte[] {1, 2, 3});
        long version = scene.app.repos.personalities().findById(ada.id()).orElseThrow().updatedAt().toEpochMilli();
        SimTextChannel channel = scene.channel("portraits");
        scene.app.model.enqueue(FakeReply.text("Do you like my portrait?"));

        scene.app.simulator.users().post(scene.alice, channel, "@Ada hello");

        // setting an avatar moves updated_at, so a new avatar is a new URL
        assertThat(avatarOf(scene.app.awaitPosts(channel, 1).get(0).message().author()))
                .isEqualTo("https://tzurot.example/avatars/ada.png?v=" + version);
    }

    private static String avatarOf(MessageAuthor author) {
        assertThat(author).isInstanceOf(MessageAuthor.Webhook.class);
        return ((MessageAuthor.Webhook) author).avatarUrl();
    }
}
