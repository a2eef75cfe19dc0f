package io.tzurot.app.cli;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.CliStorage;
import io.tzurot.app.fleet.FleetWiring;
import io.tzurot.app.fleet.QueuedReplyService;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.Speaker;
import io.tzurot.messaging.Messaging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tzurot chat SLUG [--user ID] [--channel ID] [--message TEXT] [--inspect]}: talk to a character from the
 * terminal. One-shot with {@code --message} (reply on stdout; exit 1 with the user-facing message on failure),
 * interactive otherwise. Embedded, the engine runs in this process and it exits only after memory writes are
 * stored; with {@code TZUROT_REDIS_URL} set, the request goes through the {@code replies} queue to a running worker.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Chat with a character in the terminal.")
public final class ChatCommand implements Callable<Integer> {

    /** How long a queued chat message waits for a worker of the fleet. */
    private static final Duration QUEUE_TIMEOUT = Duration.ofMinutes(5);

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
        if (config.redisUrl().isPresent()) {
            return throughQueue(config, speaker, channelId);
        }
        try (CliStorage storage = CliStorage.open(config);
             AutoCloseable settle = ModelComponents::settle;
             ReplyEngine engine = storage.engine()) {
            engine.resumePendingMemories();
            Diagnostics diagnostics = id -> {
                engine.awaitRecorded(id);
                return storage.diagnosticJson(id);
            };
            return converse(engine.service(), diagnostics, speaker, channelId);
        }
    }

    /** Distributed: a worker of the running fleet answers; this process only submits and waits. */
    private int throughQueue(TzurotConfig config, Speaker speaker, String channelId) throws IOException {
        try (Messaging messaging = FleetWiring.messaging(config);
             QueuedReplyService service = new QueuedReplyService(messaging, "cli", QUEUE_TIMEOUT)) {
            if (!inspect) {
                return converse(service, id -> Optional.empty(), speaker, channelId);
            }
            try (CliStorage storage = CliStorage.open(config)) {
                return converse(service, id -> awaitRecord(storage, id), speaker, channelId);
            }
        }
    }

    private int converse(ReplyService service, Diagnostics diagnostics, Speaker speaker, String channelId)
            throws IOException {
        if (message != null) {
            return once(service, diagnostics, speaker, channelId, message);
        }
        return interactive(service, diagnostics, speaker, channelId);
    }

    /** Finds the diagnostic record of a reply, which its worker writes in the background. */
    @FunctionalInterface
    private interface Diagnostics {
        Optional<String> find(String requestId);
    }

    private static Optional<String> awaitRecord(CliStorage recorder, String requestId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Optional<String> found = recorder.diagnosticJson(requestId);
        while (found.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            found = recorder.diagnosticJson(requestId);
        }
        return found;
    }

    private int once(ReplyService service, Diagnostics diagnostics, Speaker speaker, String channelId, String text) {
        ReplyOutcome outcome = send(service, speaker, channelId, text);
        print(diagnostics, outcome);
        return outcome instanceof ReplyOutcome.Replied ? 0 : 1;
    }

    private int interactive(ReplyService service, Diagnostics diagnostics, Speaker speaker, String channelId)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        context.out().println("Chatting with " + personality + " (empty line or /quit to leave).");
        while (true) {
            context.out().print("> ");
            context.out().flush();
            String line = reader.readLine();
            if (line == null || line.isBlank() || line.strip().equals("/quit")) {
                return 0;
            }
            print(diagnostics, send(service, speaker, channelId, line));
        }
    }

    private ReplyOutcome send(ReplyService service, Speaker speaker, String channelId, String text) {
        ReplyRequest request;
        try {
            request = ReplyRequest.text("cli:" + UUID.randomUUID(), Platform.CLI, speaker, personality, channelId, text,
                    Clock.systemUTC().instant());
        } catch (IllegalArgumentException e) {
            return new ReplyOutcome.Failed("cli", Optional.empty(), ReplyOutcome.FailureKind.INVALID_REQUEST,
                    e.getMessage(), "-");
        }
        return service.reply(request).join();
    }

    private void print(Diagnostics diagnostics, ReplyOutcome outcome) {
        if (outcome instanceof ReplyOutcome.Replied replied) {
            context.out().println(replied.content());
        } else if (outcome instanceof ReplyOutcome.Failed failed) {
            context.out().println(failed.userMessage());
        }
        if (inspect) {
            context.out().println("--- diagnostic record " + outcome.requestId() + " ---");
            context.out().println(diagnostics.find(outcome.requestId()).orElse("(none recorded)"));
        }
    }
}
