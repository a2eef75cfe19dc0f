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
 * Every {@code /channel speaking} and {@code /channel ghost} subcommand × (bot owner, member, denylisted user) ×
 * (direct message, server channel with Manage Messages, server channel without) gets the documented result (README
 * "Slash commands"): nobody in a DM (it is chosen per server), the bot owner in any server channel, a member only
 * with Manage Messages there, a denylisted user never gets any response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpeakingPermissionMatrixTest {

    enum Role { BOT_OWNER, MEMBER, DENYLISTED }

    enum Place { DM, GUILD_WITH_MANAGE_MESSAGES, GUILD_WITHOUT }

    private static final String PER_SERVER = "❌ Where characters speak is chosen per server";
    private static final String NEED_MANAGE = "❌ Only members with the Manage Messages permission, the server owner or"
            + " the bot owner may choose where characters speak.";

    private BotHarness harness;
    private CommandScenario commands;
    private final Map<Role, SimUser> users = new LinkedHashMap<>();
    private SimGuild guild;
    private SimTextChannel modRoom;
    private SimTextChannel plain;
    private SimTextChannel target;
    private SimUser sentinel;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("speaking-matrix");
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Speaking Matrix Guild");
        for (Role role : Role.values()) {
            SimUser user = harness.simulator.world().createMember(guild, role.name().toLowerCase());
            users.put(role, user);
            harness.verified(user);
        }
        sentinel = harness.simulator.world().createMember(guild, "sentinel");
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
        String allowed(Place place);
    }

    private long here(Place place) {
        return place == Place.GUILD_WITH_MANAGE_MESSAGES ? modRoom.id() : plain.id();
    }

    private List<Case> cases() {
        String t = "<#" + target.id() + ">";
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("channel speaking mode", Map.of("mode", "all"),
                place -> "✅ Characters speak in **all channels** of this server."));
        cases.add(new Case("channel speaking mode", Map.of("mode", "sometimes"),
                place -> "❌ Unknown mode 'sometimes': use all"));
        cases.add(new Case("channel speaking list", Map.of(), place -> "📍 Characters speak in **all channels**"));
        // listing twice is not an error: the first adds, later ones say it was listed already; both name it
        cases.add(new Case("channel speaking add", Map.of("channel", Long.toString(target.id())), place -> t));
        cases.add(new Case("channel speaking remove", Map.of("channel", "12345"),
                place -> "❌ Listed channel 12345 was not found."));
        cases.add(new Case("channel ghost status", Map.of(), place -> "<#" + here(place) + "> is"));
        cases.add(new Case("channel ghost enable", Map.of(), place -> "<#" + here(place) + ">"));
        cases.add(new Case("channel ghost disable", Map.of(), place -> "<#" + here(place) + ">"));
        return cases;
    }

    private static String expected(Case c, Role role, Place place) {
        if (role == Role.DENYLISTED) {
            return "SILENT";
        }
        if (place == Place.DM) {
            return PER_SERVER;
        }
        if (role == Role.MEMBER && place == Place.GUILD_WITHOUT) {
            return NEED_MANAGE;
        }
        return c.expectation().allowed(place);
    }

    @TestFactory
    Stream<DynamicTest> everySpeakingSubcommandForEveryRoleAndPlace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (Role role : Role.values()) {
                for (Place place : Place.values()) {
                    String expected = expected(c, role, place);
                    tests.add(DynamicTest.dynamicTest("/" + c.path() + " " + c.options() + " by " + role + " in "
                            + place + " → " + expected, () -> check(c, role, place, expected)));
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
        String text = commands.ephemeralText(interaction);
        assertThat(text).contains(expected);
        if (!expected.startsWith("❌")) {
            assertThat(text).doesNotStartWith("❌");
        }
    }
}
