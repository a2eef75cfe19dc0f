package io.tzurot.web.userdata;

import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.web.testing.UserDataTestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console → Your data over HTTP as htmx sends it: export with progress then download, erase with the typed phrase. */
class UserDataConsoleTest {

    private static final String CAROL = "400000000000000071";

    private UserDataTestServer server;
    private String carol;

    @BeforeEach
    void start() {
        server = new UserDataTestServer();
        carol = server.token(CAROL, false);
        ok(server.send("POST", "/api/v1/presets", carol, "{\"name\":\"Mine\",\"model\":\"v/m\"}"), 201);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> htmx(String method, String path) {
        return server.send(method, path, carol, null, null, "HX-Request", "true");
    }

    @Test
    void pageExportsWithProgressThenOffersTheDownload() {
        HttpResponse<String> page = server.get("/console/data", carol);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("hx-post=\"/console/data/exports\"").contains("1 preset(s)")
                .contains("Type <strong>DELETE MY DATA</strong>").contains("href=\"/console/data\"");
        HttpResponse<String> started = htmx("POST", "/console/data/exports");
        assertThat(started.statusCode()).isEqualTo(200);
        Matcher id = Pattern.compile("/console/data/exports/([0-9a-f-]{36})").matcher(started.body());
        assertThat(id.find()).as(started.body()).isTrue();
        String[] last = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = htmx("GET", "/console/data/exports/" + id.group(1)).body();
            return last[0].contains("id=\"export-download\"");
        });
        assertThat(last[0]).contains("Your export is ready");
        HttpResponse<byte[]> zip = server.getBytes("/console/data/exports/" + id.group(1) + "/file", carol);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()).startsWith(0x50, 0x4b); // "PK"
    }

    @Test
    void erasingNeedsThePhraseAndThenLeavesTheConsole() {
        HttpResponse<String> wrong = server.htmxForm("/console/data/erasure", carol, "confirmation", "yes");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("HX-Retarget").orElse("")).isEqualTo("#console-alert");
        assertThat(wrong.body()).contains("DELETE MY DATA");
        assertThat(server.repos.users().findByDiscordId(CAROL)).isPresent();

        HttpResponse<String> done = server.htmxForm("/console/data/erasure", carol, "confirmation", "DELETE MY DATA");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("HX-Redirect").orElse("")).isEqualTo("/");
        assertThat(server.repos.users().findByDiscordId(CAROL)).isEmpty();
        assertThat(server.get("/console/data", carol).statusCode()).isEqualTo(401);
    }
}
