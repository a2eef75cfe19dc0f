package io.tzurot.ai.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lazy client is built on its first use, once, however many threads use it first, and then behaves as built. */
class LazyHttpClientTest {

    private HttpServer server;
    private URI uri;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void nothingIsBuiltUntilTheFirstRequestThenOneClientServesEveryRequest() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = LazyHttpClient.of(() -> {
            builds.incrementAndGet();
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(7)).build();
        });
        assertThat(builds).hasValue(0);
        assertThat(lazy.built()).isFalse();

        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> lazy.sendAsync(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString())).thenCompose(f -> f));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertThat(answer.get().body()).isEqualTo("hello");
        }
        assertThat(lazy.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(builds).as("built once by the first of eight concurrent users").hasValue(1);
        assertThat(lazy.built()).isTrue();
        assertThat(lazy.connectTimeout()).contains(Duration.ofSeconds(7));
    }
}
