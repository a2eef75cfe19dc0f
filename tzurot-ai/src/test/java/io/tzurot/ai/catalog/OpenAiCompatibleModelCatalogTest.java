package io.tzurot.ai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.MutableClock;
import io.tzurot.testkit.model.FakeModelServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiCompatibleModelCatalogTest {

    private final FakeModelServer server = FakeModelServer.start()
            .models(List.of("vendor/seeing", "vendor/blind", "local/llama", "vendor/free-eyes"))
            .imageModels(Set.of("vendor/seeing", "vendor/free-eyes"))
            .unlabelledModels(Set.of("local/llama"));
    private final MutableClock clock = MutableClock.startingAt("2026-12-01T00:00:00Z");
    private final OpenAiCompatibleModelCatalog catalog = OpenAiCompatibleModelCatalog.create(clock);

    @AfterEach
    void stop() {
        server.close();
    }

    private boolean accepts(String model, String baseUrl) {
        return catalog.acceptsImages(model, baseUrl, Optional.of("sk-test")).join();
    }

    @Test
    void imageInputComesFromTheListedModalities() {
        assertThat(accepts("vendor/seeing", server.baseUrl())).isTrue();
        assertThat(accepts("vendor/blind", server.baseUrl())).isFalse();
        assertThat(accepts("vendor/free-eyes:free", server.baseUrl())).as("a variant of a listed model").isTrue();
        assertThat(accepts("local/llama", server.baseUrl())).as("no modalities: unknown").isFalse();
        assertThat(accepts("not/listed", server.baseUrl())).isFalse();
    }

    @Test
    void theListIsKeptForAnHour() {
        assertThat(accepts("vendor/seeing", server.baseUrl())).isTrue();
        server.imageModels(Set.of());

        clock.advance(Duration.ofMinutes(59));
        assertThat(accepts("vendor/seeing", server.baseUrl())).as("still the cached list").isTrue();
        clock.advance(Duration.ofMinutes(2));
        assertThat(accepts("vendor/seeing", server.baseUrl())).as("read again").isFalse();
    }

    @Test
    void anUnreadableListMeansNoImagesAndIsAskedForAgainAfterAMinute() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(accepts("vendor/seeing", "http://127.0.0.1:" + port + "/v1")).as("nothing listening").isFalse();
        assertThat(accepts("vendor/seeing", "not a url")).isFalse();

        server.requireApiKey("sk-other");
        assertThat(accepts("vendor/seeing", server.baseUrl())).as("401").isFalse();
        server.requireApiKey(null);
        clock.advance(Duration.ofSeconds(59));
        assertThat(accepts("vendor/seeing", server.baseUrl())).as("the failure is remembered").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(accepts("vendor/seeing", server.baseUrl())).as("asked again").isTrue();
    }
}
