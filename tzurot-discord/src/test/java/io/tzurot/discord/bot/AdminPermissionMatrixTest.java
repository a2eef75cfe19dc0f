package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@code /admin} subcommand × (bot owner, server owner, moderator with Manage Messages, other user,
 * denylisted user) × (direct message, server channel): only the bot owner is served, wherever; everyone else gets
 * the owner-only refusal (a server owner or moderator included), and a denylisted user no response at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminPermissionMatrixTest {

    enum Role { BOT_OWNER, SERVER_OWNER, MODERATOR, OTHER_USER, DENYLISTED }

    enum Place { DM, GUILD }

    private static final String REFUSED = "❌ Owner-only command";

    private BotHarness harness;
    private CommandScenario commands;
    private final Map<Role, SimUser> users = new LinkedHashMap<>();
    private SimGuild guild;
    private SimTextChannel room;
    private SimUser sentinel;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("admin-matrix");
        commands = new CommandScenario(harness.simulator);
        SimUser serverOwner = harness.simulator.world().createUser("server_owner");
        guild = harness.simulator.world().createGuild("Admin Matrix", serverOwner);
        users.put(Role.BOT_OWNER, harness.simulator.world().createMember(guild, "bot_owner"));
        users.put(Role.SERVER_OWNER, serverOwner);
        users.put(Role.MODERATOR, harness.simulator.world().createMember(guild, "moderator"));
        users.put(Role.OTHER_USER, harness.simulator.world().createMember(guild, "other_user"));
        users.put(Role.DENYLISTED, harness.simulator.world().createMember(guild, "denylisted"));
        users.values().forEach(harness::verified);
        sentinel = harness.simulator.world().createMember(guild, "sentinel");
        room = harness.simulator.world().createTextChannel(guild, "room");
        harness.simulator.world().setMemberOverwrite(room, users.get(Role.MODERATOR), Permissions.MANAGE_MESSAGES, 0);
        harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(users.get(Role.DENYLISTED).id()),
                DenylistScope.BOT, null, DenylistMode.BLOCK, "matrix", "0", Instant.now(), null));
        harness.serveCommands(s -> s.withBotOwner(Long.toString(users.get(Role.BOT_OWNER).id())));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Each subcommand with valid options, and what the bot owner sees. */
    private Map<String, Map.Entry<Map<String, String>, String>> cases() {
        Map<String, Map.Entry<Map<String, String>, String>> cases = new LinkedHashMap<>();
        cases.put("admin ping", Map.entry(Map.of(), "🏓 Pong!"));
        cases.put("admin servers", Map.entry(Map.of(), "**Admin Matrix** (`" + guild.id() + "`)"));
        cases.put("admin kick", Map.entry(Map.of("server-id", Long.toString(guild.id())), "⚠️ **Leave Admin Matrix**"));
        cases.put("admin usage", Map.entry(Map.of("period", "30d"), "📊 **Usage, last 30d**"));
        cases.put("admin cleanup", Map.entry(Map.of("days", "365", "target", "diagnostics"),
                "🧹 **Cleaned up rows older than 365 days**"));
        cases.put("admin settings", Map.entry(Map.of(), "⚙️ Settings: bot-wide"));
        cases.put("admin health", Map.entry(Map.of(), "🩺 **Fleet health**"));
        cases.put("admin presence", Map.entry(Map.of("type", "3", "text", "the logs"),
                "✅ Presence set: online, watching **the logs**."));
        cases.put("admin metrics", Map.entry(Map.of(), "📈 **Metrics**"));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyAdminSubcommandForEveryRoleAndPlace() {
        List<DynamicTest> tests = new ArrayList<>();
        cases().forEach((path, c) -> {
            for (Role role : Role.values()) {
                for (Place place : Place.values()) {
                    String expected = role == Role.DENYLISTED ? "SILENT" : role == Role.BOT_OWNER ? c.getValue() : REFUSED;
                    tests.add(DynamicTest.dynamicTest("/" + path + " by " + role + " in " + place + " → " + expected,
                            () -> check(path, c.getKey(), role, place, expected)));
                }
            }
        });
        return tests.stream();
    }

    private void check(String path, Map<String, String> options, Role role, Place place, String expected) {
        SimUser user = users.get(role);
        SimChannel channel = place == Place.DM ? harness.simulator.world().dmChannel(user) : room;
        long interaction = harness.simulator.users().slashCommand(user, channel, path, options);
        if (expected.equals("SILENT")) {
            // a later command of someone else is answered; the denied one never is
            commands.run(sentinel, room, "help", Map.of());
            assertThat(harness.simulator.answer(interaction)).isEmpty();
            assertThat(harness.simulator.ephemeralsFor(interaction)).isEmpty();
            return;
        }
        assertThat(CommandScenario.text(commands.ephemeral(interaction))).contains(expected);
    }
}
