package io.tzurot.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.tzurot.web.testing.ManagementTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** With {@code ManagementFeature} wired, every /api/v1 route Javalin holds is in the OpenAPI document, and only those. */
class ManagementOpenApiTest {

    @Test
    void everyManagementRouteIsDocumented() throws Exception {
        try (ManagementTestServer server = new ManagementTestServer()) {
            JsonNode doc = new ObjectMapper().readTree(server.send("GET", "/api/v1/openapi.json", null, null).body());
            Javalin app = Javalin.create();
            server.console.register(app);
            List<String> registered = new ArrayList<>();
            for (ParsedEndpoint e : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
                String path = e.getEndpoint().getPath();
                if (path.startsWith("/api/v1")) {
                    registered.add(e.getEndpoint().getMethod().name().toLowerCase(Locale.ROOT) + " " + path);
                }
            }
            assertThat(registered).contains(
                    "get /api/v1/personalities", "post /api/v1/personalities",
                    "get /api/v1/personalities/{slug}", "patch /api/v1/personalities/{slug}",
                    "delete /api/v1/personalities/{slug}", "put /api/v1/personalities/{slug}/avatar",
                    "post /api/v1/personalities/{slug}/aliases", "delete /api/v1/personalities/{slug}/aliases/{alias}",
                    "get /api/v1/personas", "put /api/v1/personas/{id}/default", "put /api/v1/personalities/{slug}/persona",
                    "get /api/v1/presets", "put /api/v1/personalities/{slug}/preset",
                    "get /api/v1/settings", "get /api/v1/settings/resolved", "patch /api/v1/settings/personalities/{slug}",
                    "get /api/v1/admin/settings", "patch /api/v1/admin/settings", "patch /api/v1/me",
                    "get /api/v1/admin/channels/{channelId}/settings", "patch /api/v1/admin/channels/{channelId}/settings",
                    "delete /api/v1/admin/channels/{channelId}/settings",
                    "get /api/v1/keys", "put /api/v1/keys/{provider}", "delete /api/v1/keys/{provider}");
            List<String> documented = new ArrayList<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m + " " + p.getKey())));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
            assertThat(doc.at("/paths/~1api~1v1~1admin~1settings/get/description").asText()).isEqualTo("Bot owner only.");
        }
    }
}
