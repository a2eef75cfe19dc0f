package io.tzurot.web.chat;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Console → Chat: pick a character, see the conversation in your web channel, send a message and watch the
 * reply stream in (a small script, {@code chat.js}, drives the API and its event stream).
 */
public final class ChatPages {

    /** History shown above the message box. */
    static final int SHOWN_MESSAGES = 30;

    private static final Map<String, String> ASSETS = Map.of(
            "chat.js", "text/javascript; charset=utf-8",
            "conversation.css", "text/css; charset=utf-8");

    private final Supplier<Optional<ConversationServices>> services;
    private final ConsolePageMaker pages;

    public ChatPages(Supplier<Optional<ConversationServices>> services, ConsolePageMaker pages) {
        this.services = services;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/chat", this::chat);
        app.post("/console/chat/persona", this::pickPersona);
        app.get("/console/chat/assets/{file}", ChatPages::asset);
    }

    /** One personality in the picker. */
    public record Choice(String slug, String name, boolean selected) {
    }

    /** One of the user's personas in the picker. */
    public record PersonaChoice(String id, String name, boolean selected) {
    }

    /** One line of the conversation. */
    public record Line(String role, String content, String createdAt) {
    }

    /** The selected character as the page shows it. */
    public record Character(String slug, String name, String avatarUrl) {
    }

    private void chat(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConversationServices s = services.get().orElseThrow(ApiException::starting);
        Lookups lookups = new Lookups(s);
        List<Personality> visible = s.personalities().listVisible(Lookups.viewer(actor));
        Optional<Personality> selected = Optional.ofNullable(ctx.queryParam("personality")).filter(q -> !q.isBlank())
                .map(q -> lookups.personality(actor, "personality", q))
                .or(() -> visible.stream().findFirst());
        String channelId = s.channels().defaultFor(actor.userId()).id();
        Optional<Persona> persona = selected.flatMap(p -> lookups.persona(actor, Optional.empty(), p.id()));
        List<Line> lines = selected.map(p -> history(s, actor, p, persona, channelId)).orElse(List.of());
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.page("Chat", ConsoleSection.CHAT, actor));
        model.put("choices", visible.stream()
                .map(p -> new Choice(p.slug(), p.shownName(), selected.map(x -> x.id().equals(p.id())).orElse(false))).toList());
        model.put("character", selected.map(p -> new Character(p.slug(), p.shownName(), "/avatars/" + p.slug() + ".png")).orElse(null));
        model.put("personaName", persona.map(Persona::displayName).orElse(null));
        model.put("personas", s.personas().listByOwner(actor.userId()).stream()
                .map(p -> new PersonaChoice(p.id().toString(), p.name(), persona.map(x -> x.id().equals(p.id())).orElse(false)))
                .toList());
        model.put("channelId", channelId);
        model.put("lines", lines);
        ctx.contentType("text/html; charset=utf-8").result(Templates.render("chat/chat.jte", model));
    }

    /** Stores the persona picked for a character as the user's override, which the reply engine then uses. */
    private void pickPersona(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        if (!"true".equals(ctx.header("HX-Request"))) {
            throw ApiException.forbidden("Console changes must be sent by the console page itself.");
        }
        ConversationServices s = services.get().orElseThrow(ApiException::starting);
        Lookups lookups = new Lookups(s);
        Personality personality = lookups.personality(actor, "personality", ctx.formParam("personality"));
        Persona persona = lookups.requirePersona(actor, Optional.ofNullable(ctx.formParam("persona")), personality.id());
        s.personaOverrides().setPersonaOverride(actor.userId(), personality.id(), persona.id());
        ctx.header("HX-Refresh", "true").status(200).result("");
    }

    private static List<Line> history(ConversationServices s, Actor actor, Personality personality, Optional<Persona> persona,
                                      String channelId) {
        Optional<Instant> resetAt = persona
                .flatMap(p -> s.historyConfigs().find(actor.userId(), personality.id(), p.id()))
                .flatMap(PersonaHistoryConfig::contextResetAt);
        List<HistoryMessage> messages = s.history().recent(new RecentHistoryQuery(channelId, personality.id(), SHOWN_MESSAGES,
                Optional.empty(), resetAt, s.clock().instant()));
        // the page shows your own conversation: only the exchanges of your personas, even if others wrote here
        Set<UUID> mine = s.personas().listByOwner(actor.userId()).stream().map(Persona::id).collect(Collectors.toSet());
        return messages.stream().filter(m -> mine.contains(m.personaId()))
                .map(m -> new Line(m.role().dbValue(), m.content(), m.createdAt().toString())).toList();
    }

    private static void asset(Context ctx) {
        String file = ctx.pathParam("file");
        String type = ASSETS.get(file);
        if (type == null) {
            throw ApiException.notFound("Asset " + file);
        }
        try (InputStream in = ChatPages.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("chat asset missing from the build: " + file);
            }
            ctx.contentType(type).header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
