package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.discord.trigger.BotTexts;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /help} is written from the registered commands, and no text of the bot (its help message, command
 * answers, package docs) names a command that is not registered. Also: the contract's top-level names, and
 * {@code DISCORD_COMMANDS_GUILD_ID} registering in one guild instead of globally.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandTextsTest {

    private static final Pattern COMMAND_MENTION = Pattern.compile("`/([a-z][a-z-]*(?: [a-z][a-z-]*){0,2})");

    private BotHarness harness;
    private CommandScenario commands;
    private SimGuild guild;
    private SimUser alice;
    private SimTextChannel channel;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("command-texts");
        commands = new CommandScenario(harness.simulator);
        guild = harness.simulator.world().createGuild("Texts Guild");
        alice = harness.simulator.world().createMember(guild, "alice");
        channel = harness.simulator.world().createTextChannel(guild, "help");
        harness.serveCommands(s -> s.withCommandsGuild(Long.toString(guild.id())));
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void withACommandsGuildTheCommandsAreRegisteredThereOnly() {
        assertThat(harness.simulator.registeredCommands()).isEmpty();
        assertThat(harness.simulator.registeredGuildCommands(guild)).extracting(c -> c.path("name").asText())
                .contains("character", "channel", "chat", "help");
    }

    @Test
    void everyCommandTheBotsTextsMentionIsRegistered() throws IOException {
        Set<String> registered = paths();
        List<String> texts = new ArrayList<>(List.of(BotTexts.HELP, BotTexts.NO_ACTIVE_CONVERSATION));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                texts.add(Files.readString(source));
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String text : texts) {
            Matcher m = COMMAND_MENTION.matcher(text);
            while (m.find()) {
                if (!registered.contains(m.group(1)) && !registered.contains(m.group(1).split(" ")[0])) {
                    unknown.add(m.group(1));
                }
            }
        }
        assertThat(unknown).as("commands named in texts but not registered").isEmpty();
        assertThat(BotTexts.HELP).contains("`/help`");
    }

    @Test
    void helpListsEveryRegisteredCommandAndExplainsOne() {
        String overview = commands.run(alice, channel, "help", Map.of());
        for (JsonNode command : harness.simulator.registeredGuildCommands(guild)) {
            String name = command.path("name").asText();
            assertThat(overview).contains(command.path("type").asInt(1) == 1 ? "`/" + name + "`" : "**" + name + "**");
        }
        assertThat(overview).contains("How to chat");

        String channelHelp = commands.run(alice, channel, "help", Map.of("command", "channel"));
        assertThat(channelHelp).contains("`/channel activate character:<character>`")
                .contains("`/channel deactivate [character:<character>]`").contains("`/channel browse [query:<query>]`");
        assertThat(commands.run(alice, channel, "help", Map.of("command", "character")))
                .contains("`/character avatar character:<character> image:<image>`")
                .contains("`/character settings character:<character>`");
        assertThat(commands.run(alice, channel, "help", Map.of("command", "preset")))
                .contains("`/preset create`").contains("`/preset edit preset:<preset>`");
        assertThat(commands.run(alice, channel, "help", Map.of("command", "nope")))
                .isEqualTo("❌ There is no `/nope` command. Run `/help` to see them all.");
        assertThat(commands.choices(alice, channel, "help", "command", "cha")).containsExactly("channel", "character", "chat");
    }

    /** "name", "name sub" and "name group sub" for every registered command. */
    private Set<String> paths() {
        Set<String> paths = new TreeSet<>();
        for (JsonNode command : harness.simulator.registeredGuildCommands(guild)) {
            String name = command.path("name").asText();
            paths.add(name);
            for (JsonNode option : command.path("options")) {
                int type = option.path("type").asInt();
                if (type == 1) {
                    paths.add(name + " " + option.path("name").asText());
                } else if (type == 2) {
                    for (JsonNode sub : option.path("options")) {
                        paths.add(name + " " + option.path("name").asText() + " " + sub.path("name").asText());
                    }
                }
            }
        }
        return paths;
    }
}
