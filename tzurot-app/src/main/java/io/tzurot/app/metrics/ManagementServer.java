package io.tzurot.app.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tzurot.web.health.HealthReport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The management port of a process without the {@code api} role (a worker, a discord shard): {@code GET /metrics}
 * and {@code GET /health} (200 when healthy, 503 otherwise), nothing else. The JDK's own server: two routes do
 * not need Javalin, and a worker then starts no Jetty.
 */
public final class ManagementServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;

    private ManagementServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Listens on {@code host:port} (0 = any free port).
     *
     * @throws IOException when the address cannot be bound (in use, not local)
     */
    public static ManagementServer start(String host, int port, TzurotMetrics metrics, Supplier<HealthReport> health)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "management-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/metrics", exchange -> {
            if (allowed(exchange, "/metrics")) {
                send(exchange, 200, TzurotMetrics.CONTENT_TYPE, metrics.scrape());
            }
        });
        server.createContext("/health", exchange -> {
            if (allowed(exchange, "/health")) {
                HealthReport report = health.get();
                send(exchange, report.healthy() ? 200 : 503, "application/json", JSON.writeValueAsString(report));
            }
        });
        server.createContext("/", exchange -> send(exchange, 404, "text/plain; charset=utf-8",
                "not found: this management port serves only /metrics and /health\n"));
        server.start();
        return new ManagementServer(server, threads);
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    private static boolean allowed(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n");
            return false;
        }
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "method not allowed: use GET\n");
            return false;
        }
        return true;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
