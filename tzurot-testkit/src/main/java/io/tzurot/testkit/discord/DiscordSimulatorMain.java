package io.tzurot.testkit.discord;

import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the simulator as a program so anyone can watch a bot work without Discord. It creates a guild with a
 * {@code #general} channel and a user {@code alice}, prints the URLs and the bot token to configure the bot
 * with, then reads lines from standard input: each line is posted by alice in #general ({@code /quit} stops).
 * Everything the bot posts is printed as it happens.
 *
 * <p>Arguments: {@code [port] [token]}; port 0 (the default) picks a free port, and a random token is made
 * when none is given.
 */
public final class DiscordSimulatorMain {

    private DiscordSimulatorMain() {
    }

    public static void main(String[] args) throws IOException {
        SimpleOptions options = SimpleOptions.defaults();
        if (args.length > 0) {
            options = options.withPort(parsePort(args[0]));
        }
        if (args.length > 1) {
            options = options.withBotToken(args[1]);
        }
        PrintStream out = System.out;
        try (DiscordSimulator simulator = DiscordSimulator.start(options)) {
            SimGuild guild = simulator.world().createGuild("Simulated Guild");
            SimTextChannel general = simulator.world().createTextChannel(guild, "general");
            SimUser alice = simulator.world().createUser("alice");
            simulator.world().addMember(guild, alice);
            out.println("Discord simulator running");
            out.println("  REST base URL : " + simulator.restBaseUrl());
            out.println("  Gateway URL   : " + simulator.gatewayUrl());
            // Printing the token is the point here: it is a throwaway credential for this local process only.
            out.println("  Bot token     : " + simulator.botToken());
            out.println("Type a line to post it as alice in #general; /quit to stop.");
            ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor();
            AtomicInteger printed = new AtomicInteger();
            printer.scheduleWithFixedDelay(() -> printed.set(printNewPosts(simulator, out, printed.get())),
                    200, 200, TimeUnit.MILLISECONDS);
            try {
                readLines(simulator, alice, general, out);
            } finally {
                printer.shutdownNow();
            }
        }
    }

    private static void readLines(DiscordSimulator simulator, SimUser alice, SimTextChannel general, PrintStream out)
            throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("/quit"); line = in.readLine()) {
            if (!line.isBlank()) {
                try {
                    simulator.users().post(alice, general, line);
                } catch (RuntimeException e) {
                    out.println("! not posted: " + e.getMessage());
                }
            }
        }
    }

    private static int printNewPosts(DiscordSimulator simulator, PrintStream out, int alreadyPrinted) {
        List<BotActivity.Posted> posts = simulator.botPosts();
        for (BotActivity.Posted post : posts.subList(alreadyPrinted, posts.size())) {
            String who = post.webhookUsername().map(name -> name + " (webhook)")
                    .orElse(simulator.botUser().username());
            out.println("[" + post.channelId() + "] " + who + ": " + post.content());
        }
        return posts.size();
    }

    private static int parsePort(String raw) {
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number, was '" + raw + "'", e);
        }
    }
}
