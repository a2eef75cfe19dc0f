package io.tzurot.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.access.LoginLink;
import io.tzurot.core.access.OperatorLogin;
import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's one-time login link: a session cookie once, then a clear page for used, expired or unknown links. */
class LoginLinkTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tzurot_session=")).findFirst().orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    @Test
    void aLinkSignsInOnceWithAStrictHttpOnlyCookie() {
        LoginLink link = server.services.operatorLogin().issueLink();
        assertThat(link.url(server.base())).startsWith(server.base() + "/login/tzl_");
        HttpResponse<String> first = server.get("/login/" + link.secret(), null);
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.headers().firstValue("Location")).contains("/console");
        assertThat(first.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(first.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");

        String cookie = sessionCookie(first);
        HttpResponse<String> me = server.send("GET", "/api/v1/me", null, null, null, "Cookie", cookie);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(TestServer.OPERATOR).contains("\"owner\":true");
        HttpResponse<String> home = server.send("GET", "/console", null, null, null, "Cookie", cookie);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Welcome").contains("Settings");

        HttpResponse<String> again = server.get("/login/" + link.secret(), null);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("already used");
        assertThat(again.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void anExpiredLinkGivesAClearPage() {
        LoginLink link = server.services.operatorLogin().issueLink();
        server.clock.advance(OperatorLogin.LINK_LIFETIME);
        HttpResponse<String> r = server.get("/login/" + link.secret(), null);
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains("expired").contains("Restart Tzurot");
    }

    @Test
    void anUnknownLinkGivesAClearPage() {
        HttpResponse<String> r = server.get("/login/tzl_" + "x".repeat(43), null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("not valid");
        assertThat(server.get("/login/garbage", null).statusCode()).isEqualTo(404);
    }

    @Test
    void sessionsExpireAndSignOutEndsThem() {
        String cookie = sessionCookie(server.get("/login/" + server.services.operatorLogin().issueLink().secret(), null));
        // like every console change, sign-out must come from the page itself (a cross-site form cannot send HX-Request)
        assertThat(server.send("POST", "/logout", null, null, null, "Cookie", cookie).statusCode()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/me", null, null, null, "Cookie", cookie).statusCode()).isEqualTo(200);
        HttpResponse<String> out = server.send("POST", "/logout", null, null, null, "Cookie", cookie, "HX-Request", "true");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.headers().firstValue("HX-Redirect")).contains("/console");
        assertThat(server.send("GET", "/api/v1/me", null, null, null, "Cookie", cookie).statusCode()).isEqualTo(401);

        String second = sessionCookie(server.get("/login/" + server.services.operatorLogin().issueLink().secret(), null));
        assertThat(server.send("GET", "/api/v1/me", null, null, null, "Cookie", second).statusCode()).isEqualTo(200);
        server.clock.advance(OperatorLogin.SESSION_LIFETIME.plus(Duration.ofSeconds(1)));
        assertThat(server.send("GET", "/api/v1/me", null, null, null, "Cookie", second).statusCode()).isEqualTo(401);
    }

    @Test
    void consolePagesNeedASignInAndChangesNeedTheConsoleItself() {
        HttpResponse<String> home = server.get("/console", null);
        assertThat(home.statusCode()).isEqualTo(401);
        assertThat(home.body()).contains("Sign-in required").contains("login link");
        assertThat(server.get("/console/settings/tokens", null).statusCode()).isEqualTo(401);

        String cookie = sessionCookie(server.get("/login/" + server.services.operatorLogin().issueLink().secret(), null));
        HttpResponse<String> noHtmx = server.send("POST", "/console/settings/tokens", null,
                "application/x-www-form-urlencoded", "label=x", "Cookie", cookie);
        assertThat(noHtmx.statusCode()).isEqualTo(403);
        HttpResponse<String> viaHtmx = server.send("POST", "/console/settings/tokens", null,
                "application/x-www-form-urlencoded", "label=from+console", "Cookie", cookie, "HX-Request", "true");
        assertThat(viaHtmx.statusCode()).isEqualTo(200);
        assertThat(viaHtmx.body()).contains("tzk_").contains("from console").contains("hx-swap-oob");

        HttpResponse<String> unknown = server.send("DELETE", "/console/settings/tokens/123e4567-e89b-12d3-a456-426614174000",
                null, null, null, "Cookie", cookie, "HX-Request", "true");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("HX-Retarget")).contains("#console-alert");
        assertThat(unknown.body()).contains("role=\"alert\"").contains("was not found");
    }

    @Test
    void assetsAreServedLocally() {
        HttpResponse<String> htmx = server.get("/console/assets/htmx.min.js", null);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).startsWith("var htmx=");
        assertThat(server.get("/console/assets/console.css", null).body()).contains(":focus-visible");
        assertThat(server.get("/console/assets/secret.txt", null).statusCode()).isEqualTo(404);
        HttpResponse<String> nowhere = server.get("/console/nowhere", null);
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("Not found").doesNotContain("Exception");
    }
}
