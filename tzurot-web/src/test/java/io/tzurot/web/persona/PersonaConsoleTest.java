package io.tzurot.web.persona;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.persona.Persona;
import io.tzurot.web.testing.ManagementTestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console → Personas forms over HTTP: create and edit with the API's rules, refusals next to their field. */
class PersonaConsoleTest {

    private static final String ALICE = "200000000000000002";
    private static final String BOB = "300000000000000003";

    private ManagementTestServer server;
    private String alice;

    @BeforeEach
    void start() {
        server = new ManagementTestServer();
        alice = server.token(ALICE, false);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String token, String... pairs) {
        return server.htmxForm(path, token, pairs);
    }

    private List<Persona> personas(String token) {
        return server.services.personas().listByOwner(server.access.authenticating().byBearerToken(token).orElseThrow().userId());
    }

    @Test
    void createThenEditEveryField() {
        HttpResponse<String> created = post("/console/personas", alice, "name", "Ann", "content", "I like tea.",
                "description", "", "preferredName", "", "pronouns", "she/her");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("HX-Redirect")).contains("/console/personas");
        Persona ann = personas(alice).get(0);
        assertThat(ann.pronouns()).isEqualTo("she/her");
        assertThat(ann.preferredName()).isNull();

        String page = server.get("/console/personas/" + ann.id(), alice).body();
        assertThat(page).contains("id=\"persona-edit-name\"").contains("value=\"Ann\"").contains(">I like tea.</textarea>");
        HttpResponse<String> saved = post("/console/personas/" + ann.id(), alice, "name", "Ann B", "content", "I like coffee.",
                "description", "work", "preferredName", "Annie", "pronouns", "", "shareLtmAcrossPersonalities", "true");
        assertThat(saved.statusCode()).isEqualTo(200);
        Persona edited = server.services.personas().findById(ann.id()).orElseThrow();
        assertThat(edited.name()).isEqualTo("Ann B");
        assertThat(edited.content()).isEqualTo("I like coffee.");
        assertThat(edited.description()).isEqualTo("work");
        assertThat(edited.preferredName()).isEqualTo("Annie");
        assertThat(edited.pronouns()).isNull();
        assertThat(edited.shareLtmAcrossPersonalities()).isTrue();
    }

    @Test
    void refusalsComeBackInTheFormNextToTheirField() {
        HttpResponse<String> noContent = post("/console/personas", alice, "name", "Ann", "content", "  ");
        assertThat(noContent.statusCode()).isEqualTo(400);
        assertThat(noContent.headers().firstValue("HX-Retarget")).isEmpty();
        assertThat(noContent.body()).contains("id=\"persona-new-content-error\"").contains("'content' is required")
                .contains("value=\"Ann\"").contains("autofocus");
        assertThat(personas(alice)).isEmpty();

        post("/console/personas", alice, "name", "Ann", "content", "One.");
        post("/console/personas", alice, "name", "Bea", "content", "Two.");
        Persona bea = personas(alice).stream().filter(p -> p.name().equals("Bea")).findFirst().orElseThrow();
        HttpResponse<String> taken = post("/console/personas/" + bea.id(), alice, "name", "Ann", "content", "Two.");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"persona-edit-name-error\"").contains("already have a persona named 'Ann'");

        HttpResponse<String> tooLong = post("/console/personas/" + bea.id(), alice, "name", "Bea", "content", "Two.",
                "pronouns", "x".repeat(101));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("id=\"persona-edit-pronouns-error\"").contains("at most 100 characters");
    }

    @Test
    void anotherUsersPersonaLooksUnknown() {
        post("/console/personas", alice, "name", "Ann", "content", "Mine.");
        Persona ann = personas(alice).get(0);
        String bob = server.token(BOB, false);
        assertThat(server.get("/console/personas/" + ann.id(), bob).statusCode()).isEqualTo(404);
        assertThat(post("/console/personas/" + ann.id(), bob, "name", "Stolen", "content", "x").statusCode()).isEqualTo(404);
        assertThat(server.services.personas().findById(ann.id()).orElseThrow().name()).isEqualTo("Ann");
    }
}
