package io.tzurot.app.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The scene the Discord end-to-end tests share, set up once per test class: the whole product ({@link DiscordApp})
 * in a directory of its own, a guild, its member alice (verified) and the class's public characters; and the
 * prompts the fake model received. Register it with
 * {@code @RegisterExtension static final DiscordScene scene = DiscordScene.in("Guild").characters("Ada")}.
 */
public final class DiscordScene implements BeforeAllCallback, AfterAllCallback {

    private final String guildName;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> characterNames = new java.util.ArrayList<>();
    private final Map<String, Personality> characters = new LinkedHashMap<>();
    private Path dir;
    /** The running product; set before the class's own {@code @BeforeAll} methods run. */
    public DiscordApp app;
    public SimGuild guild;
    public SimUser alice;

    private DiscordScene(String guildName) {
        this.guildName = guildName;
    }

    /** A scene in a guild called {@code guildName}. */
    public static DiscordScene in(String guildName) {
        return new DiscordScene(guildName);
    }

    /** Public characters to create, each with its lower-cased name as slug. */
    public DiscordScene characters(String... names) {
        characterNames.addAll(List.of(names));
        return this;
    }

    /** A contract variable on top of the defaults (e.g. {@code AUTO_TRANSCRIBE_VOICE}). */
    public DiscordScene env(String name, String value) {
        env.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("tzurot-discord-scene");
        app = DiscordApp.start(dir, env);
        guild = app.simulator.world().createGuild(guildName);
        alice = app.simulator.world().createMember(guild, "alice");
        app.verified(alice);
        for (String name : characterNames) {
            characters.put(name, app.character(name, name.toLowerCase(java.util.Locale.ROOT)));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            delete(dir);
        }
    }

    /** The character created under {@code name}. */
    public Personality character(String name) {
        return characters.get(name);
    }

    /** A new text channel of the scene's guild. */
    public SimTextChannel channel(String name) {
        return app.simulator.world().createTextChannel(guild, name);
    }

    /** The last chat request the model received (waits for the first). */
    public RecordedRequest lastChat() {
        List<RecordedRequest> chats = Awaitility.await().atMost(DiscordApp.PATIENCE)
                .until(() -> app.model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).toList(),
                        list -> !list.isEmpty());
        return chats.get(chats.size() - 1);
    }

    /** The system prompt of a recorded chat request. */
    public static String systemPrompt(RecordedRequest request) {
        for (JsonNode message : request.body().path("messages")) {
            if ("system".equals(message.path("role").asText())) {
                return message.path("content").isTextual() ? message.path("content").asText()
                        : message.path("content").path(0).path("text").asText();
            }
        }
        return "";
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
