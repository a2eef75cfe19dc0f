package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.model.FakeReply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/v1/replies/{id}/events} with the real engine and a fake model that streams slowly: content deltas
 * arrive before {@code done}, the final content is still in {@code done} and the reply's state, and a thinking block
 * that arrives in pieces is never streamed.
 */
class StreamedRepliesTest {

    @TempDir
    static Path dir;
    private static ApiApp app;
    private static String user;
    private static String slug;

    /** One event: its name and data. */
    private record Event(String name, JsonNode data) {
    }

    @BeforeAll
    static void start() {
        app = new ApiApp(dir);
        user = app.token("200000000000000077", false);
        slug = PortabilityFixtures.ok(app.call("POST", "/api/v1/personalities", user, "{\"name\":\"Streamer\","
                + "\"slug\":\"streamer\",\"characterInfo\":\"Talks a lot.\",\"personalityTraits\":\"chatty\"}"))
                .get("personality").get("slug").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void slowModel() {
        app.model.reset();
        app.model.streamPace(Duration.ofMillis(200)); // far apart next to the relay's 50 ms coalescing, even on a loaded machine
    }

    @Test
    void contentDeltasArriveBeforeDoneAndAddUpToTheFinalText() throws Exception {
        String text = "Once upon a time there was a small lighthouse keeper who counted every passing ship twice.";
        app.model.enqueue(FakeReply.text(text));
        List<Event> events = events(chat("Tell me a story"));

        List<Event> deltas = events.stream().filter(e -> e.name().equals("delta")).toList();
        assertThat(deltas).as("content deltas of a slowly streamed reply in %s", events).hasSizeGreaterThanOrEqualTo(3);
        assertThat(names(events)).startsWith("status", "delta").endsWith("content", "done");
        assertThat(names(events).indexOf("done")).isGreaterThan(names(events).lastIndexOf("delta"));
        String streamed = shown(events);
        assertThat(text).startsWith(streamed);
        Event done = events.get(events.size() - 1);
        assertThat(done.data().get("content").asText()).isEqualTo(text);
        String replyId = done.data().get("replyId").asText();
        assertThat(ApiApp.json(app.call("GET", "/api/v1/replies/" + replyId, user, null)).get("content").asText())
                .isEqualTo(text);
    }

    @Test
    void aThinkingBlockArrivingInPiecesIsNeverStreamed() throws Exception {
        String answer = "Here is my actual answer for you, my friend: the tide turns at nine tonight.";
        app.model.enqueue(FakeReply.text("<think>The user wants tides; the secret plan is to check the almanac first."
                + "</think>" + answer));
        List<Event> events = events(chat("When is the tide?"));

        List<Event> streamed = events.stream().filter(e -> e.name().equals("delta") || e.name().equals("reset")).toList();
        assertThat(streamed).as("the answer after the block is streamed").isNotEmpty();
        assertThat(streamed).allSatisfy(e -> assertThat(e.data().get("text").asText())
                .doesNotContain("secret", "almanac", "think", "<", ">"));
        assertThat(answer).startsWith(shown(events));
        assertThat(events.get(events.size() - 1).data().get("content").asText()).isEqualTo(answer);
    }

    private static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }

    /** What a reader shows after applying every delta and reset. */
    private static String shown(List<Event> events) {
        StringBuilder out = new StringBuilder();
        for (Event e : events) {
            if (e.name().equals("delta")) {
                out.append(e.data().get("text").asText());
            } else if (e.name().equals("reset")) {
                out.setLength(0);
                out.append(e.data().get("text").asText());
            }
        }
        return out.toString();
    }

    private static String chat(String message) {
        HttpResponse<String> started = app.call("POST", "/api/v1/chat", user,
                "{\"personality\":\"" + slug + "\",\"message\":\"" + message + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return ApiApp.json(started).get("replyId").asText();
    }

    /** Every event of the reply's stream until the server closes it. */
    private static List<Event> events(String replyId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.running.httpPort().orElseThrow()
                        + "/api/v1/replies/" + replyId + "/events"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + user)
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Event> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (Event e = next(in); e != null; e = next(in)) {
                events.add(e);
            }
        }
        return events;
    }

    private static Event next(BufferedReader in) throws IOException {
        String name = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (any) {
                    return new Event(name, ApiApp.JSON.readTree(data.toString()));
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            any = true;
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return null;
    }
}
