package io.tzurot.app.launch;

import io.tzurot.app.config.EncryptionKeySource;
import io.tzurot.app.config.Role;
import io.tzurot.app.config.TzurotConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The one readable block printed when a process has started. */
final class StartupSummary {

    private final PrintStream out;

    StartupSummary(PrintStream out) {
        this.out = out;
    }

    void print(TzurotConfig config, RunningTzurot running, EncryptionKeySource.MasterKey key, long elapsedMillis) {
        StringBuilder b = new StringBuilder();
        b.append("Tzurot ").append(Version.current()).append(" - ").append(config.profile().label()).append(" profile\n");
        b.append(line("database", running.database().settings().dialect().name().toLowerCase(java.util.Locale.ROOT) + " "
                + running.database().settings().describe() + (running.database().isUp() ? " (up)" : " (DOWN)")));
        b.append(line("messaging", config.redisUrl().isPresent() ? "redis" : "in-process"));
        b.append(line("roles", config.roles().stream().map(Role::label).collect(Collectors.joining(", "))));
        running.worker().ifPresent(worker -> b.append(line("worker", worker.slots() + " slots on queue "
                + io.tzurot.app.fleet.ReplyQueues.QUEUE)));
        running.httpPort().ifPresent(port -> b.append(line("http", "http://" + config.httpHost() + ":" + port
                + "  (health: /health, metrics: /metrics)")));
        running.managementPort().ifPresent(port -> b.append(line("management", "http://" + config.httpHost() + ":" + port
                + "  (/metrics, /health)")));
        if (running.discordShards() > 0) {
            b.append(line("discord", "connected, " + running.discordShards() + " shard" + (running.discordShards() == 1 ? "" : "s")));
        }
        running.loginLink().ifPresent(link -> b.append(line("console", link + "  (one-time sign-in, valid 10 minutes)")));
        b.append(line("data dir", config.dataDir().toString()));
        b.append(line("heap", heap(config)));
        if (key.generated()) {
            b.append(line("encryption", "generated a new key in " + key.file()
                    + " (keep it: stored API keys cannot be read without it)"));
        }
        List<String> missing = new ArrayList<>();
        if (config.roles().contains(Role.DISCORD) && config.discordToken().isEmpty()) {
            missing.add("Discord: set DISCORD_TOKEN to connect the bot");
        }
        if (config.roles().contains(Role.DISCORD) && config.botOwnerId().isEmpty()) {
            missing.add("bot owner: set BOT_OWNER_ID to your Discord user id for admin commands");
        }
        if (config.roles().contains(Role.WORKER) && config.llmApiKey().isEmpty()) {
            missing.add("model provider: set TZUROT_LLM_API_KEY (or OPENROUTER_API_KEY), or point TZUROT_LLM_BASE_URL at a"
                    + " local server; users can still bring their own keys");
        }
        if (!missing.isEmpty()) {
            b.append("  not configured yet:\n");
            missing.forEach(m -> b.append("    - ").append(m).append('\n'));
        }
        b.append("Started in ").append(elapsedMillis).append(" ms. Press Ctrl-C to stop.");
        out.println(b);
        out.flush();
    }

    /** The heap limit this JVM runs with, and where it came from. */
    static String heap(TzurotConfig config) {
        long mib = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        boolean explicit = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize"));
        String from = config.maxHeapMib().map(m -> "TZUROT_MAX_HEAP=" + m + "m")
                .orElse(Boolean.getBoolean("tzurot.heap.default") ? "the default for this command and roles; TZUROT_MAX_HEAP sets it"
                        : explicit ? "-Xmx" : "JVM default, a quarter of RAM: start through ./tzurot or set -Xmx");
        if (config.maxHeapMib().isPresent() && !explicit) {
            from += ", but this JVM was started without -Xmx: start through ./tzurot to apply it";
        }
        return "max " + mib + " MiB (" + from + ")";
    }

    private static String line(String label, String value) {
        return String.format("  %-11s%s%n", label, value);
    }
}
