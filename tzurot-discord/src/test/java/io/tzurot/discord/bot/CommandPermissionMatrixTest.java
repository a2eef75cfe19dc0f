package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every served subcommand × (bot owner, character owner, other user, denylisted user) × (direct message, server
 * channel with Manage Messages, server channel without) gets the documented result (README "Slash commands");
 * {@code /character avatar} is run with an image attached.
 * The character in question is the character owner's private one; a denylisted user never gets any response.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandPermissionMatrixTest {

    enum Role { BOT_OWNER, CHARACTER_OWNER, OTHER_USER, DENYLISTED }

    enum Place { DM, GUILD_WITH_MANAGE_MESSAGES, GUILD_WITHOUT }

    private static final String PRIVATE = "❌ Personality 'hidden' was not found.";
    private static final String NEED_MANAGE = "❌ Only members with the Manage Messages permission";
    private static final String SERVER_ONLY = "❌ Characters can be activated only in a server channel.";
    private static final String TEXT_ONLY = "❌ This command can only be used in text channels or threads.";

    /** A small PNG for the image options. */
    private static final byte[] PNG = png();

    private BotHarness harness;
    private CommandScenario commands;
    private final Map<Role, SimUser> users = new LinkedHashMap<>();
    private SimTextChannel modRoom;
    private SimTextChannel plain;
    private SimUser sentinel;
    private String globalPreset;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("command-matrix");
        commands = new CommandScenario(harness.simulator);
        SimGuild guild = harness.simulator.world().createGuild("Matrix Guild");
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
        harness.character(users.get(Role.CHARACTER_OWNER), "hidden", "Hidden", null, false);
        harness.denylist.add(DenylistEntry.create(DenylistType.USER, Long.toString(users.get(Role.DENYLISTED).id()),
                DenylistScope.BOT, null, DenylistMode.BLOCK, "matrix", "0", Instant.now(), null));
        globalPreset = new JdbiPresetRepository(harness.database.jdbi(), java.time.Clock.systemUTC()).create(
                harness.verified(users.get(Role.BOT_OWNER)).id(), PresetDraft.of("Global", "test/global:free")
                        .withGlobal(true)).id().toString();
        harness.serveCommands(s -> s.withBotOwner(Long.toString(users.get(Role.BOT_OWNER).id())));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    /** One served subcommand: how to run it (with an image for its {@code image} option) and what each sees. */
    private record Case(String path, Map<String, String> options, boolean image, Expectation expectation) {

        Case(String path, Map<String, String> options, Expectation expectation) {
            this(path, options, false, expectation);
        }
    }

    @FunctionalInterface
    private interface Expectation {
        String expected(Role role, Place place);
    }

    private List<Case> cases() {
        Map<String, String> hidden = Map.of("character", "hidden");
        Map<String, String> chat = Map.of("character", "hidden", "message", "hi there");
        List<Case> cases = new ArrayList<>();
        // the first allowed caller activates it; a later one is told it is active already
        cases.add(new Case("channel activate", hidden, (role, place) -> switch (place) {
            case DM -> SERVER_ONLY;
            case GUILD_WITH_MANAGE_MESSAGES -> role == Role.OTHER_USER ? PRIVATE
                    : role == Role.BOT_OWNER ? "✅ Activated **Hidden**" : "📍 **Hidden** is already active";
            case GUILD_WITHOUT -> role == Role.BOT_OWNER ? "✅ Activated **Hidden**" : NEED_MANAGE;
        }));
        cases.add(new Case("channel deactivate", Map.of(), (role, place) -> switch (place) {
            case DM -> SERVER_ONLY;
            case GUILD_WITH_MANAGE_MESSAGES -> "OK";
            case GUILD_WITHOUT -> role == Role.BOT_OWNER ? "OK" : NEED_MANAGE;
        }));
        // removing one character: the activation rule (the hidden one is in the scene only where it was activated)
        cases.add(new Case("channel deactivate", hidden, (role, place) -> switch (place) {
            case DM -> SERVER_ONLY;
            case GUILD_WITH_MANAGE_MESSAGES -> role == Role.OTHER_USER ? PRIVATE : "OK";
            case GUILD_WITHOUT -> role == Role.BOT_OWNER ? "OK" : NEED_MANAGE;
        }));
        sceneCases(cases, hidden);
        cases.add(new Case("channel browse", Map.of(), (role, place) -> place == Place.DM
                ? "❌ Activated channels can only be listed in a server." : "📺 Activated channels"));
        // the channel's settings tier: the rule of activation, the bot owner included
        cases.add(new Case("channel settings", Map.of(), (role, place) -> switch (place) {
            case DM -> "❌ Channel settings exist only for server channels";
            case GUILD_WITH_MANAGE_MESSAGES -> "⚙️ Settings: this channel";
            case GUILD_WITHOUT -> role == Role.BOT_OWNER ? "⚙️ Settings: this channel" : NEED_MANAGE;
        }));
        // edit-streaming: the channel rule too
        for (String sub : List.of("on", "off", "status")) {
            cases.add(new Case("channel streaming " + sub, Map.of(), (role, place) -> switch (place) {
                case DM -> "❌ Edit-streaming is a setting of server channels";
                case GUILD_WITH_MANAGE_MESSAGES -> "Edit-streaming is";
                case GUILD_WITHOUT -> role == Role.BOT_OWNER ? "Edit-streaming is" : NEED_MANAGE;
            }));
        }
        cases.add(new Case("chat", chat, (role, place) -> place == Place.DM ? TEXT_ONLY
                : role == Role.OTHER_USER ? PRIVATE : "POSTED"));
        cases.add(new Case("help", Map.of(), (role, place) -> "Commands"));
        cases.add(new Case("character create", Map.of(), (role, place) -> "MODAL character::seed"));
        cases.add(new Case("character edit", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "📝 Editing: Hidden"));
        cases.add(new Case("character view", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🔒 Hidden"));
        cases.add(new Case("character avatar", hidden, true, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🖼️ **Hidden** has a new avatar"));
        cases.add(new Case("character settings", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "⚙️ Settings: Hidden"));
        cases.add(new Case("character browse", Map.of(), (role, place) -> role == Role.OTHER_USER
                ? "NOT LISTED" : "🔒 **Hidden** (`hidden`)"));
        cases.add(new Case("character chat", chat, (role, place) -> place == Place.DM ? TEXT_ONLY
                : role == Role.OTHER_USER ? PRIVATE : "POSTED"));
        portabilityCases(cases);
        personaCases(cases);
        presetCases(cases);
        historyCases(cases);
        memoryCases(cases);
        Map<String, String> openrouter = Map.of("provider", "openrouter");
        cases.add(new Case("settings timezone set", Map.of("timezone", "Europe/Paris"),
                (role, place) -> "✅ Your time zone is now **Europe/Paris**"));
        cases.add(new Case("settings timezone view", Map.of(), (role, place) -> "🕒 Your time zone is **Europe/Paris**"));
        cases.add(new Case("settings apikey set", openrouter, (role, place) -> "MODAL settings::apikey::openrouter"));
        cases.add(new Case("settings apikey browse", Map.of(), (role, place) -> "🔑 You have no stored keys"));
        cases.add(new Case("settings apikey remove", openrouter, (role, place) -> "❌ Your openrouter key was not found."));
        cases.add(new Case("settings apikey test", openrouter, (role, place) -> "❌ Your openrouter key was not found."));
        cases.add(new Case("settings defaults edit", Map.of(), (role, place) -> "⚙️ Settings: your defaults"));
        // this bot's provider lists no models: browsing says so, and no model can be viewed
        cases.add(new Case("models browse", Map.of(), (role, place) -> "No model matches"));
        cases.add(new Case("models view", Map.of("model", "acme/none"),
                (role, place) -> "❌ Model 'acme/none' was not found."));
        cases.add(new Case("inspect", Map.of(), (role, place) -> "❌ A recent reply to you in this channel was not found."));
        return cases;
    }

    /**
     * Scenes: the channel rule sets the strategy, who may edit a character its talkativeness, the bot owner the
     * limits; anyone views a scene and asks a character they may see to chime in or answer at random.
     */
    private void sceneCases(List<Case> cases, Map<String, String> hidden) {
        cases.add(new Case("scene view", Map.of(), (role, place) -> "🎬 **Scene of this channel**"));
        cases.add(new Case("scene strategy", Map.of("strategy", "manual"), (role, place) -> switch (place) {
            case DM -> "❌ Scenes exist only in server channels.";
            case GUILD_WITH_MANAGE_MESSAGES -> "✅ Speaker strategy of this channel: **manual**";
            case GUILD_WITHOUT -> role == Role.BOT_OWNER ? "✅ Speaker strategy of this channel: **manual**"
                    : NEED_MANAGE;
        }));
        cases.add(new Case("scene talkativeness", Map.of("character", "hidden", "weight", "70"), (role, place) ->
                role == Role.OTHER_USER ? PRIVATE : "✅ **Hidden** now has talkativeness **70**."));
        cases.add(new Case("scene limits", Map.of("max-characters", "5"), (role, place) -> role == Role.BOT_OWNER
                ? "✅ Scene limits: 5 characters per channel" : "❌ Only the bot owner may change the limits of scenes."));
        cases.add(new Case("chime-in", hidden, (role, place) -> place == Place.DM ? TEXT_ONLY
                : role == Role.OTHER_USER ? PRIVATE : "POSTED chime"));
        // the only character here is private: someone who may not see it has nobody to be sent to
        cases.add(new Case("random", Map.of("message", "hi there"), (role, place) -> place == Place.DM ? TEXT_ONLY
                : role == Role.OTHER_USER ? "❌ There is no character you can talk to yet." : "POSTED random"));
    }

    /**
     * Character files: only who may edit a character exports it; importing and the template are for everyone (a
     * command without its file is refused the same way for all); data export and erasure concern one's own account.
     */
    private void portabilityCases(List<Case> cases) {
        String attach = "❌ Attach the file to import.";
        cases.add(new Case("character import", Map.of(), (role, place) -> attach));
        cases.add(new Case("character import-shapes-file", Map.of(), (role, place) -> attach));
        cases.add(new Case("character export", Map.of("character", "hidden", "format", "card-json"), (role, place) ->
                role == Role.OTHER_USER ? PRIVATE : "📦 **hidden.card.json**"));
        cases.add(new Case("character template", Map.of(), (role, place) -> "📄 Fill in this file"));
        cases.add(new Case("character import-shapes", Map.of("username", "some-shape"),
                (role, place) -> "MODAL character::shapes::some-shape"));
        // each caller exports their own account (one export at a time, so a repeat may find one still running)
        cases.add(new Case("settings data export", Map.of(), (role, place) -> "export"));
        cases.add(new Case("settings data delete", Map.of(), (role, place) -> "⚠️ **Erase your account?**"));
    }

    /** Personas are private to each user (each has only the default one made for them); the character rule holds. */
    private void personaCases(List<Case> cases) {
        cases.add(new Case("persona view", Map.of(), (role, place) -> "👤 " + username(role)));
        cases.add(new Case("persona edit", Map.of(), (role, place) -> "👤 Persona: " + username(role) + "\n⭐ Your default"));
        cases.add(new Case("persona create", Map.of(), (role, place) -> "MODAL persona::seed"));
        cases.add(new Case("persona browse", Map.of(), (role, place) -> "1. **" + username(role) + "**"));
        cases.add(new Case("persona default", Map.of("persona", "ghost"),
                (role, place) -> "❌ Your persona 'ghost' was not found."));
        cases.add(new Case("persona override set", Map.of("character", "hidden", "persona", "ghost"),
                (role, place) -> "❌ Your persona 'ghost' was not found."));
        cases.add(new Case("persona override clear", Map.of("character", "hidden"), (role, place) ->
                role == Role.OTHER_USER ? PRIVATE : "✅ **Hidden** knows you by your default persona again."));
    }

    /** Presets: anyone chooses among visible ones; only the bot owner sets the global defaults. */
    private void presetCases(List<Case> cases) {
        String ownerOnly = "❌ Only the bot owner may choose the global default presets.";
        cases.add(new Case("preset browse", Map.of(), (role, place) -> "🌐 **Global** · `test/global:free`"));
        cases.add(new Case("preset create", Map.of(), (role, place) -> "MODAL preset::seed"));
        // the global preset is the bot owner's: only its creator (the bot owner) edits it
        cases.add(new Case("preset edit", Map.of("preset", globalPreset), (role, place) -> role == Role.BOT_OWNER
                ? "⚙️ Preset: Global" : "❌ Only the preset's creator or the bot owner may change it."));
        cases.add(new Case("preset default set", Map.of("preset", "nope"),
                (role, place) -> "❌ Preset 'nope' was not found."));
        cases.add(new Case("preset default clear", Map.of(), (role, place) -> "You have no default preset"));
        cases.add(new Case("preset override browse", Map.of(), (role, place) -> "You use no per-character presets."));
        cases.add(new Case("preset override set", Map.of("character", "hidden", "preset", globalPreset),
                (role, place) -> role == Role.OTHER_USER ? PRIVATE : "now use **Global**"));
        cases.add(new Case("preset override clear", Map.of("character", "hidden"), (role, place) ->
                role == Role.OTHER_USER ? PRIVATE : "✅ **Hidden** uses its usual preset with you again."));
        cases.add(new Case("preset global default", Map.of("preset", globalPreset), (role, place) ->
                role == Role.BOT_OWNER ? "🌐 **Global** is now the system's default preset." : ownerOnly));
        cases.add(new Case("preset global free-default", Map.of("preset", globalPreset), (role, place) ->
                role == Role.BOT_OWNER ? "🆓 **Global** is now the guest-mode default preset." : ownerOnly));
    }

    /**
     * History concerns the caller's own messages with a character they may see. The epoch is per character, not
     * per channel: of the three places (run in order) the first undo finds the clears, the later ones none left.
     */
    private void historyCases(List<Case> cases) {
        Map<String, String> hidden = Map.of("character", "hidden");
        cases.add(new Case("history clear", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🧹 **Hidden** no longer sees your history so far."));
        cases.add(new Case("history undo", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : place == Place.DM ? "↩️ **Hidden** sees the history hidden by your last clear again."
                : "There is no clear to undo with Hidden"));
        cases.add(new Case("history stats", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "📊 Your history with **Hidden** in this channel: 0 messages"));
        cases.add(new Case("history purge", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "⚠️ **Delete your history with Hidden in this channel?**"));
    }

    /**
     * Memories are the caller's own, with a character they may see. Focus and incognito are per caller and character
     * (the cases run in order: enable, then status, then disable); the first disable ends the session, later ones
     * find none.
     */
    private void memoryCases(List<Case> cases) {
        Map<String, String> hidden = Map.of("character", "hidden");
        cases.add(new Case("memory stats", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "📊 You have **0** memories with **Hidden**"));
        cases.add(new Case("memory browse", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🧠 Your memories with **Hidden**: 0 in all."));
        cases.add(new Case("memory search", Map.of("character", "hidden", "query", "apples"), (role, place) ->
                role == Role.OTHER_USER ? PRIVATE : "🔎 No memory matches \"apples\"."));
        cases.add(new Case("memory delete", Map.of("character", "hidden", "timeframe", "7d"), (role, place) ->
                role == Role.OTHER_USER ? PRIVATE : "ℹ️ You have no unlocked memories with **Hidden** saved in the last 7d."));
        cases.add(new Case("memory purge", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "⚠️ **Delete every memory with Hidden?**"));
        cases.add(new Case("memory focus enable", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🔒 Focus mode on: **Hidden** does not recall your memories"));
        cases.add(new Case("memory focus status", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🔒 Focus mode is on: **Hidden**"));
        cases.add(new Case("memory focus disable", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : "🔓 Focus mode off: **Hidden** recalls your memories."));
        cases.add(new Case("memory incognito enable", Map.of("character", "hidden", "duration", "30m"),
                (role, place) -> role == Role.OTHER_USER ? PRIVATE : "👻 Incognito on for **Hidden** until <t:"));
        cases.add(new Case("memory incognito status", Map.of(), (role, place) -> role == Role.OTHER_USER
                ? "💾 Incognito is off: your memories are saved." : "👻 Incognito sessions:\n• **Hidden** until <t:"));
        cases.add(new Case("memory incognito forget", Map.of("character", "all", "timeframe", "1h"), (role, place) ->
                "🧹 Forgot 0 memories saved with **all characters** in the last 1h."));
        cases.add(new Case("memory incognito disable", hidden, (role, place) -> role == Role.OTHER_USER ? PRIVATE
                : place == Place.DM ? "✅ Incognito off for **Hidden**: memories are saved again."
                : "ℹ️ Incognito was not on for **Hidden**."));
    }

    private static String username(Role role) {
        return role.name().toLowerCase();
    }

    @TestFactory
    Stream<DynamicTest> everySubcommandForEveryRoleAndPlace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (Role role : Role.values()) {
                for (Place place : Place.values()) {
                    String expected = role == Role.DENYLISTED ? "SILENT" : c.expectation().expected(role, place);
                    tests.add(DynamicTest.dynamicTest("/" + c.path() + " by " + role + " in " + place + " → " + expected,
                            () -> check(c, role, place, expected)));
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
        int postsBefore = harness.simulator.botPostsIn(channel).size();
        long interaction = c.image()
                ? harness.simulator.users().slashCommand(user, channel, c.path(), c.options(), Map.of("image",
                        harness.simulator.users().attachment("face.png", "image/png", PNG)))
                : harness.simulator.users().slashCommand(user, channel, c.path(), c.options());
        if (expected.equals("SILENT")) {
            // a later command of someone else is answered; the denied one never is
            commands.run(sentinel, plain, "help", Map.of());
            assertThat(harness.simulator.answer(interaction)).isEmpty();
            assertThat(harness.simulator.ephemeralsFor(interaction)).isEmpty();
            return;
        }
        if (expected.startsWith("MODAL ")) {
            BotActivity.InteractionAnswered answer = commands.answer(interaction);
            assertThat(answer.callbackType()).isEqualTo(9);
            assertThat(answer.data().path("custom_id").asText()).isEqualTo(expected.substring("MODAL ".length()));
            return;
        }
        if (expected.startsWith("POSTED ")) {
            // the bot posts the request, then a character answers it (another user's /random may pick any public one)
            List<BotActivity.Posted> posts = await().atMost(CommandScenario.PATIENCE).until(
                    () -> harness.simulator.botPostsIn(channel), p -> p.size() >= postsBefore + 2);
            String request = posts.get(postsBefore).content();
            assertThat(request).startsWith("**" + user.username() + "**").contains(expected.endsWith("chime")
                    ? "asks **Hidden** to chime in" : "🎲");
            assertThat(harness.simulator.ephemeralsFor(interaction)).isEmpty();
            return;
        }
        if (expected.equals("POSTED")) {
            List<BotActivity.Posted> posts = await().atMost(CommandScenario.PATIENCE).until(
                    () -> harness.simulator.botPostsIn(channel), p -> p.size() >= postsBefore + 2);
            assertThat(posts.subList(postsBefore, posts.size())).extracting(BotActivity.Posted::content)
                    .contains("**" + user.username() + ":** hi there")
                    .anyMatch(content -> content.startsWith("Hidden: hi there"));
            assertThat(harness.simulator.ephemeralsFor(interaction)).isEmpty();
            return;
        }
        SimMessage answer = commands.ephemeral(interaction);
        String text = CommandScenario.text(answer);
        switch (expected) {
            case "OK" -> assertThat(text).doesNotStartWith("❌");
            case "NOT LISTED" -> assertThat(text).contains("🎭 Characters").doesNotContain("Hidden");
            default -> assertThat(text).contains(expected);
        }
    }

    private static byte[] png() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 4,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
