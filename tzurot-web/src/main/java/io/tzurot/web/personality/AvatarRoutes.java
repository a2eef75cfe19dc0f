package io.tzurot.web.personality;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.avatar.UploadingAvatar;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Avatar upload and removal under the API, and the avatar itself at {@code /avatars/{slug}.png}: public
 * for public characters, otherwise only for those who may see the character.
 */
public final class AvatarRoutes {

    private final Supplier<Optional<ManagementUseCases>> useCases;

    public AvatarRoutes(Supplier<Optional<ManagementUseCases>> useCases) {
        this.useCases = useCases;
    }

    public void register(RouteRegistry routes) {
        routes.schemas().define("AvatarStored", Schemas.object(List.of("avatarUrl", "mediaType", "bytes"), Map.of(
                "avatarUrl", Schemas.string("Where the avatar is served"),
                "mediaType", Schemas.string("image/png after re-encoding; image/webp for WebP, which is stored as uploaded"),
                "bytes", Map.of("type", "integer", "description", "Size of the stored image"))));
        String path = "/api/v1/personalities/{slug}/avatar";
        routes.add(PersonalityApi.route(HandlerType.PUT, path, "Upload the avatar as the raw request body: PNG, JPEG, GIF"
                        + " or WebP up to 8 MB and 4096x4096 pixels, recognised by content. PNG, JPEG and GIF are re-encoded"
                        + " as PNG of at most 512 px a side; WebP is stored as uploaded once its container is checked."
                        + " 503 with Retry-After when too many images are being processed",
                null, 200, "AvatarStored", List.of(400, 403, 404, 413, 503)), this::upload);
        routes.add(PersonalityApi.route(HandlerType.DELETE, path, "Remove the avatar", null, 204, null, List.of(403, 404)),
                this::remove);
    }

    /** The public avatar route, outside the API. */
    public void registerPublic(Javalin app) {
        app.get("/avatars/{file}", this::serve);
    }

    private ManagementUseCases uc() {
        return useCases.get().orElseThrow(ApiException::starting);
    }

    private void upload(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        // the use case checks the caller's rights and the declared length before the body is read
        UploadingAvatar.Stored stored = uc().uploadingAvatar().upload(actor, ctx.pathParam("slug"), "avatar",
                ctx.contentLength(), ctx::bodyAsBytes);
        ctx.json(Map.of("avatarUrl", PersonalityView.avatarUrl(stored.personality()), "mediaType", stored.mediaType(),
                "bytes", stored.bytes()));
    }

    private void remove(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().editingPersonality().removeAvatar(actor, ctx.pathParam("slug"));
        ctx.status(204);
    }

    private void serve(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.endsWith(".png")) {
            throw ApiException.notFound("Avatar " + file);
        }
        String slug = file.substring(0, file.length() - ".png".length());
        Actor actor = Access.actor(ctx).orElse(null);
        ViewingPersonalities viewing = uc().viewingPersonalities();
        Personality p = viewing.find(actor, slug).orElseThrow(() -> ApiException.notFound("Avatar " + file));
        byte[] image = viewing.avatar(p).orElseThrow(() -> ApiException.notFound("Avatar " + file));
        // versioned URLs (?v=) change with every upload, so public avatars may be cached for long
        ctx.header("Cache-Control", p.isPublic() ? "public, max-age=604800" : "private, no-cache")
                .contentType(AvatarImages.mediaType(image)).result(image);
    }
}
