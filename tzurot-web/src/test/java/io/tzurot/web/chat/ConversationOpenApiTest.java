package io.tzurot.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.tzurot.core.access.AccessServices;
import io.tzurot.web.ConversationFeature;
import io.tzurot.web.WebConsole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every API route of the feature went through the registry, and the schemas it names exist. */
class ConversationOpenApiTest {

    @Test
    void everyApiRouteIsDocumentedAndEverySchemaReferenceResolves() throws Exception {
        ConversationFeature feature = new ConversationFeature(Optional::empty, new InMemoryReplyTracker(java.time.Clock.systemUTC()),
                (title, section, actor) -> {
                    throw new IllegalStateException("no pages are rendered here");
                });
        Javalin app = Javalin.create();
        // the harness's console: the conversation feature and the incognito and focus routes
        new WebConsole(() -> Optional.<AccessServices>empty(), "test", ConversationFeature.SECTIONS,
                List.<java.util.function.Consumer<io.tzurot.web.openapi.RouteRegistry>>of(feature,
                        new io.tzurot.web.memory.MemoryModesApi(Optional::empty)::register)).register(app);
        feature.pages().accept(app);
        List<String> registered = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
            if (e.getEndpoint().getPath().startsWith("/api/v1")) {
                registered.add(e.getEndpoint().getMethod().name().toLowerCase(Locale.ROOT) + " " + e.getEndpoint().getPath());
            }
        }
        assertThat(registered).contains("post /api/v1/chat", "get /api/v1/replies/{replyId}", "get /api/v1/replies/{replyId}/events",
                "get /api/v1/memories", "post /api/v1/memories/search", "patch /api/v1/memories/{id}",
                "delete /api/v1/memories/{id}", "delete /api/v1/memories", "get /api/v1/history",
                "post /api/v1/history/clear", "post /api/v1/history/undo", "get /api/v1/diagnostics/{replyId}",
                "get /api/v1/incognito", "post /api/v1/incognito", "delete /api/v1/incognito",
                "post /api/v1/incognito/forget", "get /api/v1/focus", "put /api/v1/focus");

        try (ConversationHarness h = new ConversationHarness()) {
            JsonNode doc = new ObjectMapper().readTree(h.get("/api/v1/openapi.json", null).body());
            List<String> documented = new ArrayList<>();
            doc.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                    .forEachRemaining(m -> documented.add(m + " " + p.getKey())));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(registered);
            List<String> refs = doc.findValuesAsText("$ref");
            assertThat(refs).isNotEmpty();
            for (String ref : refs) {
                assertThat(doc.at(ref.substring(1)).isObject()).as(ref).isTrue();
            }
        }
    }
}
