package io.tzurot.testkit.discord;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.discord.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A bare gateway client on the JDK's websocket, recording every frame and the close code. */
final class GatewayClient implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile Integer closeCode;
    private final WebSocket socket;

    GatewayClient(String url) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(url + "?encoding=json&v=10"), new Listener()).join();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    JsonNode await(Predicate<JsonNode> condition) {
        return Awaitility.await().atMost(PATIENCE).until(() -> find(condition), Optional::isPresent).orElseThrow();
    }

    Optional<JsonNode> find(Predicate<JsonNode> condition) {
        return frames.stream().filter(condition).findFirst();
    }

    JsonNode awaitDispatch(String type) {
        return await(f -> type.equals(f.path("t").asText()));
    }

    int awaitClose() {
        return Awaitility.await().atMost(PATIENCE).until(() -> closeCode, c -> c != null);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** Drops the connection without a close handshake, as a network failure would. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private final class Listener implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    frames.add(Json.parse(partial.toString()));
                    partial.setLength(0);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }
    }
}
