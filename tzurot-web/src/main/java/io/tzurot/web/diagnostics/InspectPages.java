package io.tzurot.web.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Console → Inspect: the diagnostic record of a reply, a summary first and then each stage, readable. */
public final class InspectPages {

    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Supplier<Optional<ConversationServices>> services;
    private final ConsolePageMaker pages;

    public InspectPages(Supplier<Optional<ConversationServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/inspect", this::inspect);
    }

    /** One labelled value of the summary. */
    public record Fact(String label, String value) {
    }

    /** One stage of the record, pretty-printed. */
    public record Stage(String name, String json) {
    }

    private void inspect(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Optional<String> replyId = Inputs.optionalString("replyId", ctx.queryParam("replyId"), DiagnosticsApi.MAX_ID_LENGTH);
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Inspect", ConsoleSection.INSPECT, actor));
        model.put("replyId", replyId.orElse(""));
        model.put("facts", List.of());
        model.put("stages", List.of());
        if (replyId.isPresent()) {
            DiagnosticLog log = DiagnosticsApi.find(services.get().orElseThrow(ApiException::starting), actor, replyId.get());
            model.put("facts", facts(log));
            model.put("stages", stages(DiagnosticsApi.data(log)));
        }
        ctx.contentType("text/html; charset=utf-8").result(Templates.render("inspect/inspect.jte", model));
    }

    private static List<Fact> facts(DiagnosticLog log) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Reply id", log.requestId()));
        facts.add(new Fact("Recorded", log.createdAt().toString()));
        facts.add(new Fact("Model", log.model() + " (" + log.provider() + ")"));
        facts.add(new Fact("Duration", log.durationMs() + " ms"));
        if (log.personalityId() != null) {
            facts.add(new Fact("Character id", log.personalityId().toString()));
        }
        if (log.channelId() != null) {
            facts.add(new Fact("Channel", log.channelId()));
        }
        if (log.userDiscordId() != null) {
            facts.add(new Fact("User", log.userDiscordId()));
        }
        if (!log.responseMessageIds().isEmpty()) {
            facts.add(new Fact("Posted as", String.join(", ", log.responseMessageIds())));
        }
        return facts;
    }

    /** Each top-level stage on its own, so a long prompt does not bury the rest. */
    private static List<Stage> stages(JsonNode data) {
        List<Stage> stages = new ArrayList<>();
        if (!data.isObject()) {
            stages.add(new Stage("record", pretty(data)));
            return stages;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> stage = it.next();
            stages.add(new Stage(stage.getKey(), pretty(stage.getValue())));
        }
        return stages;
    }

    private static String pretty(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
