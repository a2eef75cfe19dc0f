package io.tzurot.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `start` with the discord role against the simulator: the whole product path from a mention to a webhook post. */
class DiscordStartTest {

    @TempDir
    Path dir;

    private TzurotConfig config(DiscordSimulator sim, FakeModelServer model, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("DISCORD_TOKEN", token);
        env.put("DISCORD_REST_URL", sim.restBaseUrl());
        env.put("DISCORD_GATEWAY_URL", sim.gatewayUrl());
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", "sk-test");
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    @Test
    void aMentionInDiscordIsAnsweredByTheCharacterThroughTheEngine() {
        try (DiscordSimulator sim = DiscordSimulator.start(); FakeModelServer model = FakeModelServer.start()) {
            SimGuild guild = sim.world().createGuild("Library");
            SimUser alice = sim.world().createUser("alice");
            sim.world().addMember(guild, alice);
            SimTextChannel channel = sim.world().createTextChannel(guild, "reading-room");
            model.enqueue(FakeReply.text("Welcome to the reading room, Alice."));
            Launcher launcher = new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            try (RunningTzurot running = launcher.start(config(sim, model, sim.botToken()))) {
                assertThat(running.discordShards()).isEqualTo(1);
                Repositories repos = Repositories.of(running.database(), Clock.systemUTC());
                User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null,
                        false), false);
                repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "kind")
                        .withPublic(true));
                User user = repos.users().getOrCreate(new DiscordUserProfile(Long.toString(alice.id()), "alice", null,
                        null, false), false);
                repos.users().setNsfwVerified(user.id(), true);

                sim.users().post(alice, channel, "@Ada hello there");

                List<BotActivity.Posted> posts = await().atMost(Duration.ofSeconds(60)).until(
                        () -> sim.botPosts().stream().filter(p -> p.channelId() == channel.id()).toList(),
                        list -> !list.isEmpty());
                BotActivity.Posted reply = posts.get(0);
                assertThat(reply.viaWebhook()).isTrue();
                assertThat(reply.webhookUsername()).contains("Ada");
                assertThat(reply.content()).startsWith("Welcome to the reading room, Alice.").contains("-# Model:");
                String prompt = model.requests().get(0).body().path("messages").path(1).path("content").asText();
                assertThat(prompt).contains("hello there");
            }
        }
    }

    @Test
    void aRejectedTokenIsOneClearLine() {
        try (DiscordSimulator sim = DiscordSimulator.start(); FakeModelServer model = FakeModelServer.start()) {
            Launcher launcher = new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThatThrownBy(() -> launcher.start(config(sim, model, "not-the-token")))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DISCORD_TOKEN:")
                    .message().doesNotContain("not-the-token").doesNotContain("\n");
        }
    }
}
