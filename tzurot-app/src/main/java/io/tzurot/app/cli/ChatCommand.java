package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.app.config.EncryptionKeySource;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.Speaker;
import io.tzurot.storage.db.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tzurot chat SLUG [--user ID] [--channel ID] [--message TEXT] [--inspect]}: talk to a character from the
 * terminal. One-shot with {@code --message} (reply on stdout; exit 1 with the user-facing message on failure),
 * interactive otherwise. Exits only after memory writes are stored.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Chat with a character in the terminal.")
public final class ChatCommand implements Callable<Integer> {

    private final CliContext context;
    private final java.io.InputStream in;

    @Parameters(paramLabel = "SLUG", description = "The character's slug, name or alias.") String personality;
    @Option(names = "--user", description = "Your user id (default: BOT_OWNER_ID, else 0).") String user;
    @Option(names = "--channel", description = "Conversation channel id (default: cli).") String channel;
    @Option(names = "--message", description = "Send one message, print the reply and exit.") String message;
    @Option(names = "--inspect", description = "Also print the reply's diagnostic record.") boolean inspect;

    public ChatCommand(CliContext context, java.io.InputStream in) {
        this.context = context;
        this.in = in;
    }

    @Override
    public Integer call() throws Exception {
        TzurotConfig config = context.config();
        String userId = user != null ? user : config.botOwnerId().orElse(PersonalityCommand.LOCAL_OPERATOR);
        Speaker speaker;
        try {
            speaker = new Speaker(userId, null, null);
        } catch (IllegalArgumentException e) {
            context.err().println("error: --user " + e.getMessage());
            return 2;
        }
        String channelId = channel != null ? channel : "cli";
        if (channelId.isBlank() || channelId.length() > 20) {
            context.err().println("error: --channel must be 1-20 characters");
            return 2;
        }
        try (Database db = Launcher.openDatabase(config);
             AutoCloseable settle = ModelComponents::settle;
             ReplyEngine engine = engine(config, db)) {
            engine.resumePendingMemories();
            if (message != null) {
                return once(engine, speaker, channelId, message);
            }
            return interactive(engine, speaker, channelId);
        }
    }

    static ReplyEngine engine(TzurotConfig config, Database db) {
        return new ReplyEngine(Repositories.of(db, Clock.systemUTC()), ModelComponents.real(config.llmBaseUrl().toString()),
                EncryptionKeySource.resolve(config).bytes(), Launcher.engineSettings(config), Clock.systemUTC());
    }

    private int once(ReplyEngine engine, Speaker speaker, String channelId, String text) {
        ReplyOutcome outcome = send(engine.service(), speaker, channelId, text);
        print(engine, outcome);
        return outcome instanceof ReplyOutcome.Replied ? 0 : 1;
    }

    private int interactive(ReplyEngine engine, Speaker speaker, String channelId) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        context.out().println("Chatting with " + personality + " (empty line or /quit to leave).");
        while (true) {
            context.out().print("> ");
            context.out().flush();
            String line = reader.readLine();
            if (line == null || line.isBlank() || line.strip().equals("/quit")) {
                return 0;
            }
            print(engine, send(engine.service(), speaker, channelId, line));
        }
    }

    private ReplyOutcome send(ReplyService service, Speaker speaker, String channelId, String text) {
        ReplyRequest request;
        try {
            request = ReplyRequest.text("cli:" + UUID.randomUUID(), Platform.CLI, speaker, personality, channelId, text,
                    Clock.systemUTC().instant());
        } catch (IllegalArgumentException e) {
            return new ReplyOutcome.Failed("cli", java.util.Optional.empty(), ReplyOutcome.FailureKind.INVALID_REQUEST,
                    e.getMessage(), "-");
        }
        return service.reply(request).join();
    }

    private void print(ReplyEngine engine, ReplyOutcome outcome) {
        if (outcome instanceof ReplyOutcome.Replied replied) {
            context.out().println(replied.content());
        } else if (outcome instanceof ReplyOutcome.Failed failed) {
            context.out().println(failed.userMessage());
        }
        if (inspect) {
            engine.awaitRecorded(outcome.requestId());
            context.out().println("--- diagnostic record " + outcome.requestId() + " ---");
            context.out().println(engine.flightRecorder().findJson(outcome.requestId()).orElse("(none recorded)"));
        }
    }
}
