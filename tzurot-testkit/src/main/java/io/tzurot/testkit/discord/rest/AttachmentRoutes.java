package io.tzurot.testkit.discord.rest;

import io.javalin.Javalin;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.state.SimAttachment;

/** Serves attachment bytes at the URLs put in message JSON, standing in for Discord's CDN. */
final class AttachmentRoutes {

    private final RestDeps deps;

    AttachmentRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app) {
        app.get("/attachments/{channel}/{attachment}/{filename}", ctx -> {
            SimAttachment attachment = deps.store().attachment(Rest.id(ctx, "attachment"))
                    .filter(a -> a.filename().equals(ctx.pathParam("filename")))
                    .orElseThrow(() -> new ApiError(404, 0, "Not Found"));
            ctx.status(200).contentType(attachment.contentType()).result(attachment.data());
        });
    }
}
