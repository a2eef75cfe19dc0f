package io.tzurot.app.bench;

import static io.tzurot.app.bench.Percentiles.ms;

import io.tzurot.app.process.TzurotProcess;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.VariedReplies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Benchmark (not a test) of the {@code api} role: the packaged jar started as its own process on the embedded
 * H2 profile (all roles in one JVM), the model a {@link FakeModelServer} that answers at once.
 * <ul>
 *   <li>{@code read}: {@code GET /api/v1/personalities/{slug}} with a bearer token from 200 concurrent
 *       connections (wrk when installed, else a java.net.http load generator): p50/p99 and requests/s.</li>
 *   <li>{@code chat}: {@code POST /api/v1/chat}, then the reply's event stream; the time from sending the POST to
 *       the first event and to the first content event, p50/p99, one message at a time.</li>
 * </ul>
 * Prints each figure with the load average, then one machine-readable {@code RESULT} line.
 */
public final class WebBenchmark {

    private static final Pattern WRK_PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$");
    private static final Pattern WRK_RATE = Pattern.compile("^Requests/sec:\\s+([\\d.]+)");
    private static final String USER = "100000000000000001";

    private WebBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        int pacedRate = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        Path dir = Files.createTempDirectory("web-bench");
        List<String> results = new ArrayList<>();
        try (FakeModelServer model = FakeModelServer.start()) {
            VariedReplies replies = new VariedReplies();
            model.respondWith(r -> FakeReply.text(replies.next()));
            Map<String, String> env = Map.of("TZUROT_DATA_DIR", dir.resolve("data").toString(), "TZUROT_HTTP_PORT", "0",
                    "TZUROT_LLM_BASE_URL", model.baseUrl(), "TZUROT_LLM_API_KEY", "sk-bench",
                    "TZUROT_ENCRYPTION_KEY", "ab".repeat(32));
            String token = createToken(env);
            try (TzurotProcess server = TzurotProcess.start(env, "start")) {
                int port = server.awaitHttpPort(Duration.ofMinutes(2));
                String base = "http://127.0.0.1:" + port;
                System.out.printf("server pid %d on %s (profile with: jcmd %d JFR.start duration=60s filename=web.jfr)%n",
                        server.pid(), base, server.pid());
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpResponse<String> created = http.send(json(base + "/api/v1/personalities", token).POST(
                        HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench\",\"slug\":\"bench\",\"isPublic\":true,"
                                + "\"characterInfo\":\"Bench is a patient librarian.\",\"personalityTraits\":\"calm\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (created.statusCode() != 201) {
                    throw new IllegalStateException("creating the personality failed: " + created.body());
                }
                if (mode.equals("all") || mode.equals("read")) {
                    results.addAll(read(server.pid(), base + "/api/v1/personalities/bench", token, clients, seconds));
                    results.addAll(pacedRead(server.pid(), base + "/api/v1/personalities/bench", token, clients,
                            pacedRate, seconds));
                }
                if (mode.equals("all") || mode.equals("chat")) {
                    results.addAll(chat(server.pid(), http, base, token, messages));
                    // 30 warm-up messages precede the measured ones; more than one call a message means retries
                    double calls = model.requests().stream().filter(r -> r.path().endsWith("/chat/completions")).count()
                            / (double) (messages + 30);
                    System.out.printf(Locale.ROOT, "model calls per chat message: %.2f%n", calls);
                    results.add(String.format(Locale.ROOT, "chat_model_calls=%.2f", calls));
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("RESULT " + String.join(" ", results));
    }

    private static String createToken(Map<String, String> env) throws Exception {
        try (TzurotProcess cli = TzurotProcess.start(env, "token", "create", "--user", USER, "--owner", "--label", "bench")) {
            if (cli.awaitExit(Duration.ofMinutes(2)) != 0) {
                throw new IllegalStateException("token create failed:\n" + cli.output());
            }
            return cli.output().lines().filter(l -> l.startsWith("tzk_")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no token in:\n" + cli.output()));
        }
    }

    private static HttpRequest.Builder json(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    // ---- read latency under concurrent clients ----

    private static List<String> read(long pid, String url, String token, int clients, int seconds) throws Exception {
        boolean wrk = Files.isExecutable(Path.of("/usr/bin/wrk"));
        // warm-up: the JIT and the connection pools, not measured
        if (wrk) {
            wrk(url, token, clients, Math.max(5, seconds / 2));
        } else {
            javaLoad(url, token, clients, Math.max(5, seconds / 2));
        }
        String load = loadAverage();
        long cpuBefore = ThreadCpu.processMillis(pid);
        double[] figures = wrk ? wrk(url, token, clients, seconds) : javaLoad(url, token, clients, seconds);
        double cpuPerRequest = (ThreadCpu.processMillis(pid) - cpuBefore) / (figures[2] * seconds);
        System.out.printf(Locale.ROOT, "read: GET personality, %d connections, %d s (%s): p50 %.2f ms, p99 %.2f ms,"
                + " %.0f requests/s, %.0f errors, server CPU %.3f ms/request; load average %s%n", clients, seconds,
                wrk ? "wrk" : "java.net.http", figures[0], figures[1], figures[2], figures[3], cpuPerRequest, load);
        return List.of(String.format(Locale.ROOT, "read_p50_ms=%.2f", figures[0]),
                String.format(Locale.ROOT, "read_server_cpu_ms=%.3f", cpuPerRequest),
                String.format(Locale.ROOT, "read_p99_ms=%.2f", figures[1]),
                String.format(Locale.ROOT, "read_rps=%.0f", figures[2]),
                String.format(Locale.ROOT, "read_errors=%.0f", figures[3]), "read_load=" + load.split(" ")[0]);
    }

    /**
     * The read at a steady offered rate: {@code clients} users, each sending on its own schedule (rate / clients per
     * second, start times spread), latency measured from the scheduled send time so a stalled server is not hidden
     * (no coordinated omission). Saturation ({@link #read}) shows capacity; this shows what a user waits at a load
     * the server can carry.
     */
    private static List<String> pacedRead(long pid, String url, String token, int clients, int rate, int seconds)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        long intervalNanos = (long) (1e9 * clients / rate);
        pacedRound(http, request, clients, intervalNanos, Math.max(5, seconds / 2)); // warm-up, not measured
        String load = loadAverage();
        long cpuBefore = ThreadCpu.processMillis(pid);
        long[][] round = pacedRound(http, request, clients, intervalNanos, seconds);
        long[] sorted = round[0];
        double cpuPerRequest = (ThreadCpu.processMillis(pid) - cpuBefore) / (double) Math.max(1, sorted.length);
        double p50 = ms(sorted, 0.5);
        double p99 = ms(sorted, 0.99);
        System.out.printf(Locale.ROOT, "read, paced: GET personality, %d clients offering %d requests/s, %d s: p50 %.2f ms,"
                + " p99 %.2f ms, %d requests, %d errors, server CPU %.3f ms/request; load average %s%n", clients, rate,
                seconds, p50, p99, sorted.length, round[1][0], cpuPerRequest, load);
        return List.of(String.format(Locale.ROOT, "paced_rate=%d", rate),
                String.format(Locale.ROOT, "paced_p50_ms=%.2f", p50),
                String.format(Locale.ROOT, "paced_p99_ms=%.2f", p99),
                String.format(Locale.ROOT, "paced_errors=%d", round[1][0]), "paced_load=" + load.split(" ")[0]);
    }

    /** Sorted latencies (from the scheduled send time) and, in the second array, the error count. */
    private static long[][] pacedRound(HttpClient http, HttpRequest request, int clients, long intervalNanos, int seconds)
            throws InterruptedException {
        long start = System.nanoTime() + 50_000_000L;
        long end = start + Duration.ofSeconds(seconds).toNanos();
        long[][] perClient = new long[clients][];
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread worker = new Thread(() -> {
                long[] samples = new long[(int) ((end - start) / intervalNanos) + 2];
                int n = 0;
                try {
                    for (long due = start + intervalNanos * client / clients; due < end && n < samples.length;
                         due += intervalNanos) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        samples[n++] = System.nanoTime() - due;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    perClient[client] = Arrays.copyOf(samples, n);
                    done.countDown();
                }
            }, "paced-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        long[] sorted = Arrays.stream(perClient).flatMapToLong(Arrays::stream).sorted().toArray();
        return new long[][] {sorted, {errors.get()}};
    }

    /** p50 ms, p99 ms, requests/s, errors from wrk (2 threads: the machine has 2 cores). */
    private static double[] wrk(String url, String token, int clients, int seconds) throws Exception {
        Process p = new ProcessBuilder("wrk", "-t2", "-c" + clients, "-d" + seconds + "s", "--latency", "-H",
                "Authorization: Bearer " + token, url).redirectErrorStream(true).start();
        double[] figures = new double[4];
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = WRK_PERCENTILE.matcher(line);
                if (m.matches()) {
                    double v = Double.parseDouble(m.group(2));
                    double ms = switch (m.group(3)) {
                        case "us" -> v / 1000;
                        case "s" -> v * 1000;
                        default -> v;
                    };
                    figures[m.group(1).equals("50") ? 0 : 1] = ms;
                }
                Matcher rate = WRK_RATE.matcher(line);
                if (rate.find()) {
                    figures[2] = Double.parseDouble(rate.group(1));
                }
                if (line.contains("Non-2xx or 3xx responses:")) {
                    figures[3] = Double.parseDouble(line.replaceAll("\\D+", ""));
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed");
        }
        return figures;
    }

    /** The same figures from {@code clients} java.net.http virtual users, each sending its next request on the answer. */
    private static double[] javaLoad(String url, String token, int clients, int seconds) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<long[]> perClient = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] samples = new long[2_000_000 / clients];
            int[] n = {0};
            perClient.add(samples);
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end && n[0] < samples.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                        samples[n[0]++] = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    samples[samples.length - 1] = -n[0] - 1; // count stored in the last slot
                    done.countDown();
                }
            }, "load-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        List<Long> all = new ArrayList<>();
        for (long[] s : perClient) {
            int count = (int) (-s[s.length - 1] - 1);
            for (int i = 0; i < count; i++) {
                all.add(s[i]);
            }
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new double[] {ms(sorted, 0.5), ms(sorted, 0.99), sorted.length / (double) seconds,
                errors.get()};
    }

    // ---- chat: POST to the first streamed event ----

    private static List<String> chat(long pid, HttpClient http, String base, String token, int messages) throws Exception {
        chatRound(http, base, token, 30); // warm-up, not measured
        String load = loadAverage();
        long cpuBefore = ThreadCpu.processMillis(pid);
        long[][] times = chatRound(http, base, token, messages);
        double cpuPerMessage = (ThreadCpu.processMillis(pid) - cpuBefore) / (double) messages;
        long[] first = times[0];
        long[] content = times[1];
        Arrays.sort(first);
        Arrays.sort(content);
        System.out.printf(Locale.ROOT, "chat: %d messages one at a time: POST → first event p50 %.1f ms, p99 %.1f ms;"
                        + " POST → first content event p50 %.1f ms, p99 %.1f ms; server CPU %.1f ms/message"
                        + " (the engine included); load average %s%n", messages, ms(first, 0.5),
                ms(first, 0.99), ms(content, 0.5), ms(content, 0.99), cpuPerMessage, load);
        return List.of(String.format(Locale.ROOT, "chat_first_event_p50_ms=%.1f", ms(first, 0.5)),
                String.format(Locale.ROOT, "chat_first_event_p99_ms=%.1f", ms(first, 0.99)),
                String.format(Locale.ROOT, "chat_first_token_p50_ms=%.1f", ms(content, 0.5)),
                String.format(Locale.ROOT, "chat_first_token_p99_ms=%.1f", ms(content, 0.99)),
                String.format(Locale.ROOT, "chat_server_cpu_ms=%.1f", cpuPerMessage), "chat_load=" + load.split(" ")[0]);
    }

    /** Per message: nanoseconds from sending the POST to the first event, and to the content event. */
    private static long[][] chatRound(HttpClient http, String base, String token, int messages) throws Exception {
        long[] first = new long[messages];
        long[] content = new long[messages];
        for (int i = 0; i < messages; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> posted = http.send(json(base + "/api/v1/chat", token).POST(HttpRequest.BodyPublishers
                    .ofString("{\"personality\":\"bench\",\"message\":\"Hello number " + i + ", how are you?\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 202) {
                throw new IllegalStateException("chat refused: " + posted.statusCode() + " " + posted.body());
            }
            String replyId = posted.body().replaceAll(".*\"replyId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            HttpResponse<Stream<String>> events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/replies/"
                    + replyId + "/events")).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                    .build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = events.body()) {
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.startsWith("event:") && first[i] == 0) {
                        first[i] = System.nanoTime() - t0;
                    }
                    if (line.equals("event: content")) {
                        content[i] = System.nanoTime() - t0;
                        break;
                    }
                    if (line.equals("event: failed")) {
                        throw new IllegalStateException("reply " + replyId + " failed");
                    }
                }
            }
            if (content[i] == 0) {
                throw new IllegalStateException("the stream of " + replyId + " ended without content");
            }
        }
        return new long[][] {first, content};
    }


    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
