package io.tzurot.web.preset;

import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.web.testing.ManagementTestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console → Presets files: template and export downloads, multipart import with its report, refusals in the alert. */
class PresetFilesConsoleTest {

    private ManagementTestServer server;
    private String alice;

    @BeforeEach
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000051", false);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> upload(String fileName, String content, String name) {
        String boundary = "----tzurot" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/json\r\n\r\n").append(content).append("\r\n");
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n")
                .append(name).append("\r\n");
        body.append("--").append(boundary).append("--\r\n");
        return server.send("POST", "/console/presets/import", alice, "multipart/form-data; boundary=" + boundary,
                body.toString(), "HX-Request", "true");
    }

    @Test
    void pageOffersImportTemplateAndExport() {
        String id = ok(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"Mine\",\"model\":\"a/b\"}"), 201)
                .at("/preset/id").asText();
        HttpResponse<String> page = server.get("/console/presets", alice);
        assertThat(page.body()).contains("hx-post=\"/console/presets/import\"")
                .contains("href=\"/console/presets/template\"").contains("href=\"/console/presets/" + id + "/export\"");
        HttpResponse<String> template = server.get("/console/presets/template", alice);
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).contains("\"advancedParameters\"");
        HttpResponse<String> export = server.get("/console/presets/" + id + "/export", alice);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow()).contains("mine.json");
    }

    @Test
    void sillyTavernUploadIsNamedAfterItsFileAndReportsUnusedKeys() {
        HttpResponse<String> done = upload("Night Owl.json", "{\"openrouter_model\":\"a/b\",\"temperature\":0.8,"
                + "\"openai_max_tokens\":400,\"prompts\":[],\"seed\":-1}", "");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Imported “Night Owl” from a SillyTavern preset").contains("<code>prompts</code>")
                .contains("random seed").contains("hx-swap-oob=\"outerHTML:#preset-list\"");
        assertThat(server.get("/console/presets", alice).body()).contains("Night Owl");
    }

    @Test
    void aBadFileShowsTheProblemInTheAlertAndSavesNothing() {
        HttpResponse<String> bad = upload("x.json", "{\"name\":\"Bad\",\"model\":\"a/b\",\"advancedParameters\":"
                + "{\"min_p\":\"lots\"}}", "");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("HX-Retarget").orElse("")).isEqualTo("#console-alert");
        assertThat(bad.body()).contains("advancedParameters.min_p");
        assertThat(server.get("/console/presets", alice).body()).doesNotContain("Bad");
    }
}
