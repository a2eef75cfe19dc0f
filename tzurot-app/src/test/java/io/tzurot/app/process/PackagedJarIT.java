package io.tzurot.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real executable, as an operator runs it. */
class PackagedJarIT {

    @TempDir
    Path dir;

    @Test
    void startsHealthyAndStopsCleanlyOnSigterm() throws Exception {
        try (TzurotProcess tzurot = TzurotProcess.start(Map.of(
                "TZUROT_DATA_DIR", dir.resolve("data").toString(), "TZUROT_HTTP_PORT", "0"), "start")) {
            int port = tzurot.awaitHttpPort(Duration.ofSeconds(60));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\":\"up\"");
            assertThat(tzurot.output()).contains("embedded profile", "set DISCORD_TOKEN");
            int code = tzurot.stop(Duration.ofSeconds(60));
            assertThat(code).as("exit code; output:\n%s", tzurot.output()).isIn(0, 143);
        }
    }

    @Test
    void badConfigurationExitsTwoWithOneLine() throws Exception {
        try (TzurotProcess tzurot = TzurotProcess.start(Map.of(
                "TZUROT_DATA_DIR", dir.resolve("data").toString(), "TZUROT_HTTP_PORT", "abc"), "start")) {
            assertThat(tzurot.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(tzurot.output().strip()).isEqualTo(
                    "error: TZUROT_HTTP_PORT=abc is invalid: expected a port number from 1 to 65535 (0 picks a free port)");
        }
    }

    @Test
    void aMalformedEncryptionKeyExitsTwo() throws Exception {
        try (TzurotProcess tzurot = TzurotProcess.start(Map.of(
                "TZUROT_DATA_DIR", dir.resolve("data").toString(), "TZUROT_ENCRYPTION_KEY", "nothex"), "start")) {
            assertThat(tzurot.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(tzurot.output()).contains("TZUROT_ENCRYPTION_KEY=**** is invalid").doesNotContain("nothex");
        }
    }
}
