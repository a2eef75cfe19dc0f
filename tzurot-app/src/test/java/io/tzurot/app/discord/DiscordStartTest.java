package io.tzurot.app.discord;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.app.config.ConfigException;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `start` with the discord role against the simulator: the whole product path from a mention to a webhook post. */
@ExtendWith(SecretLogScan.class)
class DiscordStartTest {

    @TempDir
    Path dir;

    @Test
    void aMentionInDiscordIsAnsweredByTheCharacterThroughTheEngine() {
        try (DiscordApp app = DiscordApp.start(dir, Map.of())) {
            SimGuild guild = app.simulator.world().createGuild("Library");
            SimUser alice = app.simulator.world().createMember(guild, "alice");
            SimTextChannel channel = app.simulator.world().createTextChannel(guild, "reading-room");
            app.model.enqueue(FakeReply.text("Welcome to the reading room, Alice."));
            assertThat(app.running.discordShards()).isEqualTo(1);
            app.character("Ada", "ada");
            app.verified(alice);

            app.simulator.users().post(alice, channel, "@Ada hello there");

            BotActivity.Posted reply = app.awaitPosts(channel, 1).get(0);
            assertThat(reply.viaWebhook()).isTrue();
            assertThat(reply.webhookUsername()).contains("Ada · Tzurot");
            assertThat(reply.content()).startsWith("Welcome to the reading room, Alice.").contains("-# Model:");
            String prompt = app.model.requests().get(0).body().path("messages").path(1).path("content").asText();
            assertThat(prompt).contains("hello there");
        }
    }

    @Test
    void aRejectedTokenIsOneClearLine() {
        try (DiscordSimulator sim = DiscordSimulator.start(); FakeModelServer model = FakeModelServer.start()) {
            assertThatThrownBy(() -> DiscordApp.launcher().start(DiscordApp.config(dir, sim, model, "not-the-token",
                    Map.of())))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DISCORD_TOKEN:")
                    .message().doesNotContain("not-the-token").doesNotContain("\n");
        }
    }
}
