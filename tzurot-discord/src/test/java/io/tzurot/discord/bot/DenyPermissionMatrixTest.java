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
 * Every {@code /deny} subcommand × (bot owner, member, denylisted user) × (direct message, server channel with
 * Manage Messages, server channel without) gets the documented result (README "Slash commands"): the bot owner
 * denies anywhere, a member with Manage Messages only in this server, anyone else is refused, a denylisted user
 * never gets any response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenyPermissionMatrixTest {

    enum Role { BOT_OWNER, MEMBER, DENYLISTED }

    enum Place { DM, GUILD_WITH_MANAGE_MESSAGES, GUILD_WITHOUT }

    private static final String OUTSIDE = "❌ Only the bot owner may manage denials outside a server.";
    private static final String NEED_MANAGE = "❌ Only members with the Manage Messages permission";

    private BotHarness harness;
    private CommandScenario commands;
    private final Map<Role, SimUser> users = new LinkedHashMap<>();
    private SimGuild guild;
    private SimGuild otherGuild;
    private SimTextChannel modRoom;
    private SimTextChannel plain;
    private SimTextChannel target;
    private SimUser sentinel;
    private SimUser victim;
    private SimUser stranger;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("deny-matrix");
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Deny Matrix Guild");
        otherGuild = harness.simulator.world().createGuild("Elsewhere");
        for (Role role : Role.values()) {
            SimUser user = harness.simulator.world().createMember(guild, role.name().toLowerCase());
            users.put(role, user);
            harness.verified(user);
        }
        sentinel = harness.simulator.world().createMember(guild, "sentinel");
        victim = harness.simulator.world().createMember(guild, "victim");
        stranger = harness.simulator.world().createMember(guild, "stranger");
        modRoom = harness.simulator.world().createTextChannel(guild, "mod-room");
        harness.simulator.world().setRoleOverwrite(modRoom, harness.simulator.world().everyoneRole(guild),
                Permissions.MANAGE_MESSAGES, 0);
        plain = harness.simulator.world().createTextChannel(guild, "plain");
        target = harness.simulator.world().createTextChannel(guild, "target-room");
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

    private record Case(String path, Map<String, String> options, Expectation expectation) {
    }

    @FunctionalInterface
    private interface Expectation {
        String expected(Role role, Place place);
    }

    /** The member's answer: refused in a DM and without Manage Messages, else {@code managed}. */
    private static String member(Place place, String managed) {
        return switch (place) {
            case DM -> OUTSIDE;
            case GUILD_WITH_MANAGE_MESSAGES -> managed;
            case GUILD_WITHOUT -> NEED_MANAGE;
        };
    }

    private List<Case> cases() {
        String user = "<@" + victim.id() + ">";
        String channel = "<#" + target.id() + ">";
        String server = "server `" + guild.id() + "`";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("deny add", Map.of("target", user, "mode", "mute", "duration", "1h"), (role, place) ->
                role == Role.BOT_OWNER ? "✅ Muted " + user + " everywhere, until <t:"
                        : member(place, "✅ Muted " + user + " in " + server + ", until <t:")));
        cases.add(new Case("deny add", Map.of("target", Long.toString(target.id()), "mode", "block"), (role, place) ->
                role == Role.BOT_OWNER ? "✅ Blocked " + channel + " in " + server + ", permanently."
                        : member(place, "✅ Blocked " + channel + " in " + server + ", permanently.")));
        cases.add(new Case("deny add", Map.of("target", Long.toString(otherGuild.id()), "mode", "mute", "duration",
                "30d"), (role, place) -> role == Role.BOT_OWNER ? "✅ Muted server `" + otherGuild.id() + "` everywhere"
                : member(place, "❌ Only the bot owner may deny a whole server.")));
        // a target that names nothing is refused the same way for everyone (it reveals nothing)
        cases.add(new Case("deny add", Map.of("target", "not-an-id", "mode", "block"),
                (role, place) -> "❌ Give a user, server or channel"));
        cases.add(new Case("deny view", Map.of("target", user), (role, place) -> role == Role.BOT_OWNER
                ? "🛡️ Denials of " + user : member(place, "🛡️ Denials of " + user + "\n• 🔇 mute · " + user + " in "
                + server)));
        cases.add(new Case("deny browse", Map.of(), (role, place) -> role == Role.BOT_OWNER
                ? "🛡️ Active denials" : member(place, "🛡️ Active denials")));
        cases.add(new Case("deny remove", Map.of("target", "<@" + stranger.id() + ">"), (role, place) ->
                role == Role.BOT_OWNER ? "❌ Denial of user " + stranger.id() + " was not found."
                        : member(place, "❌ Denial of user " + stranger.id() + " was not found.")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyDenySubcommandForEveryRoleAndPlace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (Role role : Role.values()) {
                for (Place place : Place.values()) {
                    String expected = role == Role.DENYLISTED ? "SILENT" : c.expectation().expected(role, place);
                    tests.add(DynamicTest.dynamicTest("/" + c.path() + " " + c.options().get("target") + " by " + role
                            + " in " + place + " → " + expected, () -> check(c, role, place, expected)));
                }
            }
        }
        return tests.stream();
    }

    private void check(Case c, Role role, Place place, String expected) {
        SimUser user = users.get(role);
        SimChannel channel = switch (place) {
            case DM -> harness.simulator.world().dmChannel(user);
            case GUILD_WITH_MANAGE_MESSAGES -> modRoom;
            case GUILD_WITHOUT -> plain;
        };
        long interaction = harness.simulator.users().slashCommand(user, channel, c.path(), c.options());
        if (expected.equals("SILENT")) {
            commands.run(sentinel, plain, "help", Map.of());
            assertThat(harness.simulator.answer(interaction)).isEmpty();
            assertThat(harness.simulator.ephemeralsFor(interaction)).isEmpty();
            return;
        }
        assertThat(commands.ephemeralText(interaction)).contains(expected);
    }
}
