package io.tzurot.web.cards;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.card.CharacterPreview;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.core.avatar.AvatarImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Console → Characters → Import: drop a card (or pick a file), see what it would become (fields, first greeting,
 * image, lorebook entries), then save it through {@code POST /api/v1/personalities/import}. A small script,
 * {@code card-import.js}, drives the page (no inline scripts, for the console's CSP); the preview image is held
 * for a few minutes and served from this origin, since the CSP allows no data: or blob: images.
 */
public final class CardConsole {

    private static final int HELD_IMAGES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<Optional<CardUseCases>> useCases;
    private final ConsolePageMaker pages;
    // preview images by random id, with their viewer; the oldest go first
    private final Map<String, HeldImage> images = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, HeldImage> eldest) {
            return size() > HELD_IMAGES;
        }
    };

    private record HeldImage(UUID viewer, byte[] bytes) {
    }

    public CardConsole(Supplier<Optional<CardUseCases>> useCases, ConsolePageMaker pages) {
        this.useCases = useCases;
        this.pages = pages;
    }

    public void register(Javalin app) {
        app.get("/console/characters/import", this::page);
        app.post("/console/characters/import/preview", this::preview);
        app.get("/console/characters/import/image/{id}", this::image);
        app.get("/console/cards/assets/card-import.js", CardConsole::script);
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConsoleForms.html(ctx, Templates.render("characters/import.jte", Map.of(
                "page", pages.page("Import a character", ConsoleSection.CHARACTERS, actor))));
    }

    private void preview(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        CardApi.Upload upload = CardApi.Upload.of(ctx);
        CharacterPreview preview = useCases.get().orElseThrow(ApiException::starting).importing()
                .preview(actor, upload.name(), upload.bytes());
        Map<String, Object> body = CardApi.preview(preview);
        body.remove("image");
        String imageUrl = null;
        if (preview.image() != null) {
            String id = HexFormat.of().formatHex(randomBytes());
            synchronized (images) {
                images.put(id, new HeldImage(actor.userId(), preview.image()));
            }
            imageUrl = "/console/characters/import/image/" + id;
        }
        body.put("imageUrl", imageUrl);
        ctx.json(body);
    }

    private void image(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        HeldImage held;
        synchronized (images) {
            held = images.get(ctx.pathParam("id"));
        }
        if (held == null || !held.viewer().equals(actor.userId())) {
            throw ApiException.notFound("Preview image");
        }
        ctx.contentType(AvatarImages.mediaType(held.bytes())).header("Cache-Control", "private, max-age=600")
                .result(held.bytes());
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void script(Context ctx) {
        try (InputStream in = CardConsole.class.getResourceAsStream("card-import.js")) {
            if (in == null) {
                throw new IllegalStateException("card-import.js missing from the build");
            }
            ctx.contentType("text/javascript; charset=utf-8").header("Cache-Control", "no-cache").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
