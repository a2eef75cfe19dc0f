package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A character's avatar URL carries a version that changes with the avatar (spec/discord.md §1.12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordAvatarUrlTest {

    @TempDir
    static Path dir;

    private DiscordApp app;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void start() {
        app = DiscordApp.start(dir, Map.of("TZUROT_PUBLIC_URL", "https://tzurot.example"));
        guild = app.simulator.world().createGuild("Portrait Hall");
        alice = app.simulator.world().createMember(guild, "alice");
        app.verified(alice);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theAvatarUrlCarriesTheVersionOfTheAvatarSoDiscordDoesNotShowACachedOne() {
        Personality ada = app.character("Ada", "ada");
        app.repos.personalities().setAvatar(ada.id(), new byte[] {1, 2, 3});
        long version = app.repos.personalities().findById(ada.id()).orElseThrow().updatedAt().toEpochMilli();
        SimTextChannel channel = app.simulator.world().createTextChannel(guild, "portraits");
        app.model.enqueue(FakeReply.text("Do you like my portrait?"));

        app.simulator.users().post(alice, channel, "@Ada hello");

        // setting an avatar moves updated_at, so a new avatar is a new URL
        assertThat(avatarOf(app.awaitPosts(channel, 1).get(0).message().author()))
                .isEqualTo("https://tzurot.example/avatars/ada.png?v=" + version);
    }

    private static String avatarOf(MessageAuthor author) {
        assertThat(author).isInstanceOf(MessageAuthor.Webhook.class);
        return ((MessageAuthor.Webhook) author).avatarUrl();
    }
}
