package io.tzurot.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.http.LargePng;
import io.tzurot.testkit.http.StreamingUpload;
import io.tzurot.testkit.http.StreamingUpload.Answer;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's hostile-request check against the real server, started by ./tzurot with its configured heap:
 * 4 concurrent 400 MB chunked bodies (JSON, raw avatar, multipart form) and 8 concurrent PNGs of 7000x7000
 * 16-bit pixels. Every request gets a clean 413 or 400, /health answers 200 throughout, the heap in use stays
 * under the heap limit and the resident memory barely moves. The bodies are generated while they are sent,
 * and the server refuses them early, so the whole run takes seconds.
 */
class HostileRequestsIT {

    private static final String USER = "123456789012345678";
    private static final long BODY = 400L * 1024 * 1024;
    private static final Pattern MAX_HEAP = Pattern.compile("MaxHeapSize=(\\d+)");

    @TempDir
    Path dir;

    /** The -Xmx of a running JVM, from jcmd. */
    static long maxHeapOf(long pid) throws IOException, InterruptedException {
        String out = vmFlagsOf(pid);
        Matcher m = MAX_HEAP.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no MaxHeapSize in: " + out);
        }
        return Long.parseLong(m.group(1));
    }

    /** The flags a running JVM runs with ({@code jcmd PID VM.flags}). */
    static String vmFlagsOf(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), "VM.flags").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    @Test
    void oversizeBodiesAndPixelBombsAreRefusedWhileTheServerStaysHealthyAndBounded() throws Exception {
        Map<String, String> env = Map.of("TZUROT_DATA_DIR", dir.resolve("data").toString(), "TZUROT_HTTP_PORT", "0");
        String token;
        try (TzurotProcess cli = TzurotProcess.start(env, "token", "create", "--user", USER, "--label", "hostile")) {
            assertThat(cli.awaitExit(Duration.ofMinutes(2))).as(cli.output()).isZero();
            token = cli.output().lines().filter(l -> l.startsWith("tzk_")).findFirst().orElseThrow();
        }
        try (TzurotProcess server = TzurotProcess.startWithLauncher(env, "start")) {
            int port = server.awaitHttpPort(Duration.ofSeconds(90));
            long pid = server.pid();
            long maxHeap = maxHeapOf(pid);
            assertThat(maxHeap).as("the launcher's default heap for the embedded profile").isEqualTo(768L * 1024 * 1024);
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/personalities"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"hostile-face\",\"name\":\"Hostile\","
                            + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            byte[] bomb = LargePng.of(7000, 7000, true);

            long rssBefore = residentBytes(pid);
            AtomicBoolean attacking = new AtomicBoolean(true);
            AtomicLong peakRss = new AtomicLong(rssBefore);
            AtomicLong peakHeapUsed = new AtomicLong();
            List<Integer> health = new CopyOnWriteArrayList<>();
            Thread watcher = new Thread(() -> watch(http, base, pid, attacking, health, peakRss), "health-watch");
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", String.valueOf(pid), "100").redirectErrorStream(true).start();
            Thread heapWatch = new Thread(() -> heapUsed(jstat, peakHeapUsed), "heap-watch");
            watcher.start();
            heapWatch.start();
            // jstat takes a moment to attach: attack once it samples, or a quick attack may leave no sample at all
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> peakHeapUsed.get() > 0);

            Map<String, String> json = Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
            Map<String, String> image = Map.of("Authorization", "Bearer " + token, "Content-Type", "image/png");
            Map<String, String> form = Map.of("Authorization", "Bearer " + token, "HX-Request", "true",
                    "Content-Type", "multipart/form-data; boundary=xyz");
            byte[] jsonStart = "{\"label\":\"".getBytes(StandardCharsets.UTF_8);
            byte[] formStart = ("--xyz\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            List<Callable<Answer>> attacks = new ArrayList<>();
            attacks.add(() -> StreamingUpload.chunked("127.0.0.1", port, "POST", "/api/v1/tokens", json, jsonStart, BODY));
            attacks.add(() -> StreamingUpload.chunked("127.0.0.1", port, "POST", "/api/v1/personalities", json, jsonStart, BODY));
            attacks.add(() -> StreamingUpload.chunked("127.0.0.1", port, "PUT", "/api/v1/personalities/hostile-face/avatar",
                    image, bomb, BODY));
            attacks.add(() -> StreamingUpload.chunked("127.0.0.1", port, "POST", "/console/characters", form, formStart, BODY));
            for (int i = 0; i < 8; i++) {
                attacks.add(() -> StreamingUpload.withLength("127.0.0.1", port, "PUT",
                        "/api/v1/personalities/hostile-face/avatar", image, bomb, bomb.length));
            }
            ExecutorService pool = Executors.newFixedThreadPool(attacks.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> answers = new ArrayList<>();
            for (Callable<Answer> attack : attacks) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return attack.call();
                }));
            }
            go.countDown();
            List<Answer> results = new ArrayList<>();
            for (Future<Answer> f : answers) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            pool.shutdown();
            attacking.set(false);
            watcher.join(10_000);
            jstat.destroy();
            heapWatch.join(10_000);

            for (int i = 0; i < 4; i++) {
                Answer a = results.get(i);
                assertThat(a.status()).as("body %d: %s", i, a.body()).isEqualTo(413);
                // answered while the client was still sending (how far it got depends on the machine's load)
                assertThat(a.bytesSent()).as("refused before the 400 MB were sent").isLessThan(BODY);
            }
            for (Answer a : results.subList(0, 3)) {
                assertThat(a.body()).contains("\"error\":\"payload_too_large\"", "\"field\"");
            }
            for (Answer a : results.subList(4, 12)) {
                assertThat(a.status()).as(a.body()).isEqualTo(400);
                assertThat(a.body()).contains("\"error\":\"bad_request\"", "\"field\":\"avatar\"", "7000x7000");
            }
            assertThat(health).isNotEmpty().containsOnly(200);
            assertThat(peakHeapUsed.get()).as("heap in use").isPositive().isLessThan(maxHeap);
            long growth = peakRss.get() - rssBefore;
            System.out.printf("hostile requests: max heap %d MiB, peak heap in use %d MiB, RSS %d -> peak %d MiB"
                            + " (+%d MiB), %d health checks all 200%n", maxHeap >> 20, peakHeapUsed.get() >> 20,
                    rssBefore >> 20, peakRss.get() >> 20, growth >> 20, health.size());
            assertThat(growth).as("resident memory growth under attack").isLessThan(512L * 1024 * 1024);
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            server.stop(Duration.ofSeconds(60));
        }
    }

    private static void watch(HttpClient http, String base, long pid, AtomicBoolean attacking, List<Integer> health,
                              AtomicLong peakRss) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(10)).build();
        do {
            try {
                health.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                peakRss.accumulateAndGet(residentBytes(pid), Math::max);
                Thread.sleep(50);
            } catch (IOException e) {
                health.add(-1); // no answer counts as unhealthy
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        } while (attacking.get());
    }

    // jstat -gc columns: S0C S1C S0U S1U EC EU OC OU ...; heap in use = S0U + S1U + EU + OU (KB)
    private static void heapUsed(Process jstat, AtomicLong peak) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            List<String> header = null;
            while ((line = r.readLine()) != null) {
                List<String> cols = List.of(line.strip().split("\\s+"));
                if (cols.contains("EU")) {
                    header = cols;
                } else if (header != null && cols.size() == header.size()) {
                    double kb = 0;
                    for (String c : List.of("S0U", "S1U", "EU", "OU")) {
                        kb += Double.parseDouble(cols.get(header.indexOf(c)));
                    }
                    peak.accumulateAndGet((long) (kb * 1024), Math::max);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // jstat stopped
        }
    }
}
