package io.tzurot.ai.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tzurot.ai.attachment.AttachmentFetchException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Host allow-list, size cap, redirects and timeout of attachment downloads. */
class AttachmentFetcherTest {

    static final int LIMIT = 1000;
    static HttpServer server;
    static String base;
    static final CountDownLatch neverReleased = new CountDownLatch(1);

    final AttachmentFetcher fetcher = new AttachmentFetcher(
            new FetchPolicy(Set.of("127.0.0.1"), true, LIMIT, Duration.ofSeconds(20), 2));

    @BeforeAll
    static void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/small", ex -> reply(ex, 200, "image/png", filled(100), true));
        server.createContext("/exact", ex -> reply(ex, 200, "image/png", filled(LIMIT), true));
        server.createContext("/big-declared", ex -> reply(ex, 200, "image/png", filled(LIMIT + 1), true));
        server.createContext("/big-chunked", ex -> reply(ex, 200, "audio/ogg", filled(50 * LIMIT), false));
        server.createContext("/missing", ex -> reply(ex, 404, "text/plain", new byte[0], true));
        server.createContext("/redirect", ex -> redirect(ex, "/small"));
        server.createContext("/redirect-out", ex -> redirect(ex,
                "http://localhost:" + server.getAddress().getPort() + "/small"));
        server.createContext("/loop", ex -> redirect(ex, "/loop"));
        server.createContext("/stall", ex -> {
            try {
                neverReleased.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "image/png", filled(10), true);
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterAll
    static void stopServer() {
        neverReleased.countDown();
        server.stop(0);
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        return bytes;
    }

    private static void reply(HttpExchange ex, int status, String type, byte[] body, boolean declareLength)
            throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : declareLength ? body.length : 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client hung up on purpose (size cap)
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private Reason failureOf(AttachmentFetcher f, String url) {
        Throwable thrown = catchThrowable(() -> f.fetch(url).join());
        assertThat(thrown.getCause()).isInstanceOf(AttachmentFetchException.class);
        return ((AttachmentFetchException) thrown.getCause()).reason();
    }

    @Test
    void fetchesAnAllowedAttachment() {
        FetchedAttachment attachment = fetcher.fetch(base + "/small").join();

        assertThat(attachment.bytes()).hasSize(100);
        assertThat(attachment.contentType()).contains("image/png");
        assertThat(attachment.url()).isEqualTo(URI.create(base + "/small"));
    }

    @Test
    void bodyExactlyAtTheLimitIsAccepted() {
        assertThat(fetcher.fetch(base + "/exact").join().bytes()).hasSize(LIMIT);
    }

    @Test
    void declaredOversizeIsRefusedBeforeReading() {
        assertThat(failureOf(fetcher, base + "/big-declared")).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void undeclaredOversizeIsCutOffWhileReading() {
        assertThat(failureOf(fetcher, base + "/big-chunked")).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void hostsSchemesAndCredentialsOutsideThePolicyAreRefused() {
        int port = server.getAddress().getPort();
        assertThat(failureOf(fetcher, "http://localhost:" + port + "/small")).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(failureOf(fetcher, "ftp://127.0.0.1/small")).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(failureOf(fetcher, "http://user:pw@127.0.0.1:" + port + "/small")).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(failureOf(fetcher, "not a url")).isEqualTo(Reason.NOT_ALLOWED);
        AttachmentFetcher httpsOnly = new AttachmentFetcher(
                new FetchPolicy(Set.of("127.0.0.1"), false, LIMIT, Duration.ofSeconds(5), 2));
        assertThat(failureOf(httpsOnly, base + "/small")).isEqualTo(Reason.NOT_ALLOWED);
    }

    @Test
    void redirectsAreFollowedOnlyToAllowedHostsAndOnlyAFewTimes() {
        assertThat(fetcher.fetch(base + "/redirect").join().url()).isEqualTo(URI.create(base + "/small"));
        assertThat(failureOf(fetcher, base + "/redirect-out")).isEqualTo(Reason.NOT_ALLOWED);
        assertThat(failureOf(fetcher, base + "/loop")).isEqualTo(Reason.TOO_MANY_REDIRECTS);
    }

    @Test
    void errorStatusIsReported() {
        assertThat(failureOf(fetcher, base + "/missing")).isEqualTo(Reason.HTTP_STATUS);
    }

    @Test
    void stalledDownloadTimesOut() {
        AttachmentFetcher impatient = new AttachmentFetcher(
                new FetchPolicy(Set.of("127.0.0.1"), true, LIMIT, Duration.ofMillis(300), 2));

        assertThat(failureOf(impatient, base + "/stall")).isEqualTo(Reason.TIMEOUT);
    }

    @Test
    void policyMatchesExactHostsAndWildcardSubdomains() {
        FetchPolicy policy = new FetchPolicy(Set.of("cdn.discordapp.com", "*.example.org"), false, 1, Duration.ofSeconds(1), 0);

        assertThat(policy.allows(URI.create("https://cdn.discordapp.com/a.png"))).isTrue();
        assertThat(policy.allows(URI.create("https://CDN.DiscordApp.com/a.png"))).isTrue();
        assertThat(policy.allows(URI.create("https://media.example.org/a.png"))).isTrue();
        assertThat(policy.allows(URI.create("https://example.org/a.png"))).isFalse();
        assertThat(policy.allows(URI.create("https://evilexample.org/a.png"))).isFalse();
        assertThat(policy.allows(URI.create("https://cdn.discordapp.com.evil.net/a.png"))).isFalse();
        assertThat(policy.allows(URI.create("http://cdn.discordapp.com/a.png"))).isFalse();
        assertThat(FetchPolicy.DISCORD.allows(URI.create("https://media.discordapp.net/x.webp"))).isTrue();
    }
}
