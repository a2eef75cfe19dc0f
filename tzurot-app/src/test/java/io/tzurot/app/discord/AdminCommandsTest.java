package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /admin} through the whole product (simulator, real JDA, the app's wiring): every subcommand answers the
 * bot owner with real data (a reply's usage row, this process's heartbeat, its meters) and refuses a member.
 * Alice is the bot owner here: promoted as {@code BOT_OWNER_ID} promotes, before her first interaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminCommandsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Admin Guild").characters("Ada");

    private SimTextChannel channel;
    private SimUser bob;

    @BeforeAll
    void ownerAndOneReply() {
        scene.app.repos.users().getOrCreate(new DiscordUserProfile(Long.toString(scene.alice.id()), "alice", null,
                null, false), true);
        bob = scene.app.simulator.world().createMember(scene.guild, "bob");
        scene.app.verified(bob);
        channel = scene.channel("ops");
        scene.app.model.enqueue(FakeReply.text("Hello from Ada."));
        scene.app.simulator.users().post(scene.alice, channel, "@Ada hello there");
        scene.app.awaitPosts(channel, 1);
    }

    @Test
    void pingAnswersWithTheGatewayLatency() {
        assertThat(answer(command(scene.alice, "admin ping", Map.of()))).startsWith("🏓 Pong! Gateway latency: [");
    }

    @Test
    void usageShowsTheReplyJustMadeByUserCharacterAndModel() {
        String text = await().atMost(DiscordApp.PATIENCE).until(() -> answer(command(scene.alice, "admin usage",
                Map.of("period", "24h"))), t -> t.contains("1 reply"));
        assertThat(text).startsWith("📊 **Usage, last 24h**").contains("👤 Users", "<@" + scene.alice.id() + ">: 1 ·")
                .contains("🎭 Characters", "`ada`: 1 ·").contains("🤖 Models");
        assertThat(answer(command(scene.alice, "admin usage", Map.of()))).startsWith("📊 **Usage, last 7d**");
    }

    @Test
    void serversListsTheGuildsWithMemberCountsAndOpensOne() {
        long id = command(scene.alice, "admin servers", Map.of());
        SimMessage list = message(id);
        String text = text(list);
        assertThat(text).contains("🖥️ Servers", "**Admin Guild** (`" + scene.guild.id() + "`) ·", "members");
        String select = customIds(list).stream().filter(c -> c.startsWith("admin::browse-select::")).findFirst()
                .orElseThrow();
        long open = scene.app.simulator.users().selectOptions(scene.alice, list, select,
                Long.toString(scene.guild.id()));
        JsonNode detail = update(open);
        assertThat(detail.path("content").asText()).startsWith("🖥️ **Admin Guild**").contains("Members: ");
    }

    @Test
    void kickAsksFirstThenLeavesTheServer() {
        SimGuild spare = scene.app.simulator.world().createGuild("Spare Guild");
        String spareId = Long.toString(spare.id());
        await().atMost(DiscordApp.PATIENCE).until(() -> !answer(command(scene.alice, "admin kick",
                Map.of("server-id", spareId))).startsWith("❌"));
        long ask = command(scene.alice, "admin kick", Map.of("server-id", spareId));
        SimMessage confirm = message(ask);
        assertThat(confirm.content()).startsWith("⚠️ **Leave Spare Guild** (`" + spareId + "`");
        assertThat(scene.app.simulator.activity()).noneMatch(a -> a instanceof BotActivity.LeftGuild l
                && l.guildId() == spare.id());

        long click = scene.app.simulator.users().clickButton(scene.alice, confirm, "admin::kick::" + spareId);

        assertThat(update(click).path("content").asText()).startsWith("👋 Left **Spare Guild**");
        await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.activity().stream().anyMatch(
                a -> a instanceof BotActivity.LeftGuild l && l.guildId() == spare.id()));
        assertThat(answer(command(scene.alice, "admin kick", Map.of("server-id", "123"))))
                .isEqualTo("❌ Server '123' was not found.");
    }

    @Test
    void cleanupDeletesOlderRowsOfTheTargetAndReportsCounts() {
        String text = answer(command(scene.alice, "admin cleanup", Map.of("days", "1", "target", "usage")));
        assertThat(text).startsWith("🧹 **Cleaned up rows older than 1 day**").contains("• usage: 0 deleted")
                .contains("Total: 0");
        assertThat(answer(command(scene.alice, "admin cleanup", Map.of())))
                .contains("• history: 0 deleted", "• tombstones: 0 deleted", "• diagnostics: 0 deleted",
                        "• usage: 0 deleted");
    }

    @Test
    void settingsOpensTheBotWideTierDashboard() {
        String text = text(message(command(scene.alice, "admin settings", Map.of())));
        assertThat(text).contains("⚙️ Settings: bot-wide", "Every reply of every character gets these");
    }

    @Test
    void healthListsThisProcessFromItsHeartbeat() {
        String text = answer(command(scene.alice, "admin health", Map.of()));
        assertThat(text).startsWith("🩺 **Fleet health**").contains("**1 live process**").contains("discord")
                .contains("queue lag");
    }

    @Test
    void presenceIsSetOnTheGatewayAndKept() {
        String text = answer(command(scene.alice, "admin presence", Map.of("type", "0", "text", "chess",
                "status", "idle")));
        assertThat(text).isEqualTo("✅ Presence set: idle, playing **chess**.");
        JsonNode update = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.activity().stream()
                .filter(a -> a instanceof BotActivity.PresenceUpdated).map(a -> ((BotActivity.PresenceUpdated) a)
                        .data()).reduce((a, b) -> b), Optional::isPresent).orElseThrow();
        assertThat(update.path("status").asText()).isEqualTo("idle");
        assertThat(update.path("activities").path(0).path("name").asText()).isEqualTo("chess");
        assertThat(answer(command(scene.alice, "admin presence", Map.of("type", "0"))))
                .startsWith("❌ Give the activity's text");
    }

    @Test
    void metricsSummarisesTheMainMeters() {
        String text = await().atMost(DiscordApp.PATIENCE).until(() -> answer(command(scene.alice, "admin metrics",
                Map.of())), t -> t.contains("tzurot.replies"));
        assertThat(text).startsWith("📈 **Metrics** (this process)").contains("`tzurot.replies{outcome=");
    }

    @Test
    void aMemberIsRefusedEverySubcommand() {
        for (String path : List.of("admin ping", "admin servers", "admin usage", "admin cleanup", "admin settings",
                "admin health", "admin metrics")) {
            assertThat(answer(command(bob, path, Map.of()))).as(path).startsWith("❌ Owner-only command");
        }
        assertThat(answer(command(bob, "admin kick", Map.of("server-id", Long.toString(scene.guild.id())))))
                .startsWith("❌ Owner-only command");
        assertThat(answer(command(bob, "admin presence", Map.of("type", "0", "text", "x"))))
                .startsWith("❌ Owner-only command");
    }

    private long command(SimUser user, String path, Map<String, String> options) {
        return scene.app.simulator.users().slashCommand(user, channel, path, options);
    }

    /** The interaction's latest private answer (text, embeds included), once it has some. */
    private static SimMessage message(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && (!l.get(l.size() - 1).content().isEmpty()
                || !l.get(l.size() - 1).embeds().isEmpty()));
        return answers.get(answers.size() - 1);
    }

    private static String answer(long interaction) {
        return text(message(interaction));
    }

    /** What a component interaction answered (an update of the message: callback type 7). */
    private static JsonNode update(long interaction) {
        BotActivity.InteractionAnswered answered = await().atMost(DiscordApp.PATIENCE).until(
                () -> scene.app.simulator.answer(interaction), Optional::isPresent).orElseThrow();
        assertThat(answered.callbackType()).isEqualTo(7);
        return answered.data();
    }

    private static String text(SimMessage message) {
        StringBuilder text = new StringBuilder(message.content());
        message.embeds().forEach(e -> text.append('\n').append(e.path("title").asText("")).append('\n')
                .append(e.path("description").asText("")));
        return text.toString().strip();
    }

    private static List<String> customIds(SimMessage message) {
        List<String> ids = new java.util.ArrayList<>();
        message.components().forEach(row -> row.path("components").forEach(c -> ids.add(c.path("custom_id").asText())));
        return ids;
    }
}
