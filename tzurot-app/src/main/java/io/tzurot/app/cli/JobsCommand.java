package io.tzurot.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.fleet.FleetWiring;
import io.tzurot.app.fleet.ReplyQueues;
import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.QueueStats;
import io.tzurot.messaging.Messaging;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tzurot jobs stats|dead-letters|retry ID}: operator tools for the job queue of a distributed deployment.
 * Output is JSON (one object, or one object per line) so scripts can read it.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Inspect the job queue (distributed profile).",
        subcommands = {JobsCommand.Stats.class, JobsCommand.DeadLetters.class, JobsCommand.Retry.class})
public final class JobsCommand implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliContext context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--queue", paramLabel = "NAME", description = "The queue (default: ${DEFAULT-VALUE}).",
            defaultValue = ReplyQueues.QUEUE)
    String queue;

    public JobsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    private <T> T withQueue(Function<JobQueue, T> action) {
        TzurotConfig config = context.config();
        if (config.redisUrl().isEmpty()) {
            throw new ConfigException("tzurot jobs needs TZUROT_REDIS_URL: the embedded profile keeps its queue inside"
                    + " the running process");
        }
        QueueSettings settings;
        try {
            settings = QueueSettings.named(queue);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--queue " + e.getMessage());
        }
        try (Messaging messaging = FleetWiring.messaging(config)) {
            return action.apply(messaging.queue(settings));
        }
    }

    /** {@code tzurot jobs stats}: one JSON object with the queue's counts. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Print the queue's counts as one JSON object: pending, inFlight, completed, failed, deadLetters.")
    public static final class Stats implements Callable<Integer> {
        @ParentCommand JobsCommand parent;

        @Override
        public Integer call() {
            QueueStats stats = parent.withQueue(JobQueue::stats);
            ObjectNode n = JSON.createObjectNode().put("queue", parent.queue).put("pending", stats.pending())
                    .put("inFlight", stats.inFlight()).put("completed", stats.completed()).put("failed", stats.failed())
                    .put("deadLetters", stats.deadLetters());
            parent.context.out().println(n);
            return 0;
        }
    }

    /** {@code tzurot jobs dead-letters [--limit N]}: one JSON object per dead letter, oldest first. */
    @Command(name = "dead-letters", mixinStandardHelpOptions = true,
            description = "List dead letters, oldest first, one JSON object per line (payloads are left out: they hold"
                    + " user messages).")
    public static final class DeadLetters implements Callable<Integer> {
        @ParentCommand JobsCommand parent;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
                description = "At most N dead letters (1-10000, default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                parent.context.err().println("error: --limit must be between 1 and 10000, got " + limit);
                return 2;
            }
            for (DeadLetter d : parent.withQueue(q -> q.deadLetters(limit))) {
                parent.context.out().println(JSON.createObjectNode().put("id", d.jobId()).put("type", d.type())
                        .put("attempts", d.attempts()).put("error", d.lastError())
                        .put("failedAt", d.failedAt().toString()).put("payloadChars", d.payload().length()));
            }
            return 0;
        }
    }

    /** {@code tzurot jobs retry ID}: puts a dead letter back on the queue with fresh attempts. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Move a dead letter back onto the queue with a fresh set of attempts.")
    public static final class Retry implements Callable<Integer> {
        @ParentCommand JobsCommand parent;

        @Parameters(paramLabel = "ID", description = "The dead letter's job id.")
        String id;

        @Override
        public Integer call() {
            if (id.isBlank()) {
                parent.context.err().println("error: ID must not be blank");
                return 2;
            }
            if (!parent.withQueue(q -> q.retryDeadLetter(id))) {
                parent.context.err().println("error: no dead letter with id " + id + " on queue " + parent.queue);
                return 1;
            }
            parent.context.out().println("re-queued " + id + " on " + parent.queue);
            return 0;
        }
    }
}
