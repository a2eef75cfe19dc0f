package io.tzurot.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.tzurot.core.access.AccessServices;
import io.tzurot.web.WebConsole;
import io.tzurot.web.testing.TestServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The document is built from the route registry; these checks keep it complete and structurally valid. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private TestServer server;
    private JsonNode doc;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        doc = new ObjectMapper().readTree(server.get("/api/v1/openapi.json", null).body());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyJavalinRouteUnderApiV1IsDocumented() {
        // a fresh Javalin with the same registration, to read what Javalin itself holds
        Javalin app = Javalin.create();
        new WebConsole(() -> Optional.<AccessServices>empty(), "test").register(app);
        List<ParsedEndpoint> endpoints = app.unsafeConfig().pvt.internalRouter.allHttpHandlers();
        List<String> registered = new ArrayList<>();
        for (ParsedEndpoint e : endpoints) {
            String path = e.getEndpoint().getPath();
            if (path.startsWith("/api/v1")) {
                registered.add(e.getEndpoint().getMethod().name().toLowerCase(Locale.ROOT) + " " + path);
            }
        }
        assertThat(registered).contains("get /api/v1/me", "get /api/v1/tokens", "post /api/v1/tokens",
                "delete /api/v1/tokens/{id}", "get /api/v1/openapi.json");
        List<String> documented = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m + " " + p.getKey())));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void hasTheRequiredTopLevelFields() {
        assertThat(doc.get("openapi").asText()).startsWith("3.0.");
        assertThat(doc.at("/info/title").asText()).isNotBlank();
        assertThat(doc.at("/info/version").asText()).isEqualTo("test");
        assertThat(doc.get("paths").isObject()).isTrue();
    }

    @Test
    void everyOperationIsComplete() {
        Pattern param = Pattern.compile("\\{([^}]+)}");
        doc.get("paths").fields().forEachRemaining(path -> {
            assertThat(path.getKey()).startsWith("/");
            path.getValue().fields().forEachRemaining(op -> {
                assertThat(METHODS).contains(op.getKey());
                JsonNode operation = op.getValue();
                assertThat(operation.get("summary").asText()).isNotBlank();
                assertThat(operation.get("operationId").asText()).isNotBlank();
                JsonNode responses = operation.get("responses");
                assertThat(responses.size()).isPositive();
                responses.fields().forEachRemaining(r -> {
                    assertThat(r.getKey()).matches("[1-5][0-9][0-9]");
                    assertThat(r.getValue().get("description").asText()).isNotBlank();
                });
                Matcher m = param.matcher(path.getKey());
                while (m.find()) {
                    String name = m.group(1);
                    boolean declared = false;
                    for (JsonNode p : operation.path("parameters")) {
                        declared |= p.get("name").asText().equals(name) && p.get("in").asText().equals("path")
                                && p.get("required").asBoolean();
                    }
                    assertThat(declared).as(op.getKey() + " " + path.getKey() + " declares {" + name + "}").isTrue();
                }
            });
        });
    }

    @Test
    void everyRefResolves() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            assertThat(doc.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        }
        Set<String> securityNames = new HashSet<>();
        doc.at("/components/securitySchemes").fieldNames().forEachRemaining(securityNames::add);
        doc.get("paths").forEach(p -> p.forEach(op -> op.path("security").forEach(req ->
                req.fieldNames().forEachRemaining(name -> assertThat(securityNames).contains(name)))));
    }

    @Test
    void undefinedSchemasAreRefusedWhenRoutesAreRegistered() {
        Javalin app = Javalin.create();
        RouteRegistry registry = new RouteRegistry(app, new Schemas());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.add(new ApiRoute(io.javalin.http.HandlerType.GET,
                        "/api/v1/x", "t", "s", RouteAuth.USER, null, 200, "Nope", List.of()), ctx -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
