package io.tzurot.web.console;

import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.web.auth.Access;
import io.tzurot.core.failure.DomainException;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.DomainErrors;

/** Shared steps of console pages that change things through htmx. */
public final class ConsoleForms {

    private ConsoleForms() {
    }

    /** The signed-in actor of a change request; changes come only from htmx, whose header a cross-site form cannot send. */
    public static Actor requireHtmx(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        if (!"true".equals(ctx.header("HX-Request"))) {
            throw ApiException.forbidden("Console changes must be sent by the console page itself.");
        }
        return actor;
    }

    public static void html(Context ctx, String body) {
        ctx.contentType("text/html; charset=utf-8").result(body);
    }

    /**
     * Runs a form's change; when the change is refused, answers with the form again ({@code form} renders it
     * with the error next to its field) and the refusal's status, so htmx swaps it in place of the form.
     */
    public static void submit(Context ctx, Runnable change, java.util.function.Function<FormError, String> form) {
        try {
            change.run();
        } catch (ApiException e) {
            ctx.status(e.status());
            html(ctx, form.apply(new FormError(e.field(), e.getMessage())));
        } catch (DomainException e) {
            ApiException api = DomainErrors.toApi(e);
            ctx.status(api.status());
            html(ctx, form.apply(new FormError(api.field(), api.getMessage())));
        }
    }

    /** Tells htmx to load another page after a successful change. */
    public static void redirect(Context ctx, String location) {
        ctx.header("HX-Redirect", location).status(200).result("");
    }
}
