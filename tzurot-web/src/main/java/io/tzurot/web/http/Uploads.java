package io.tzurot.web.http;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.Locale;

/**
 * The file of a multipart upload route, or a 400 on that field saying what is wrong with the form: a multipart
 * type without its boundary, a missing field, or the field sent as text instead of a file.
 */
public final class Uploads {

    private Uploads() {
    }

    /** Whether the request says it is a multipart form (with or without a usable boundary). */
    public static boolean isMultipart(Context ctx) {
        return ctx.contentType() != null && ctx.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /** The uploaded file in {@code field} of a multipart request. */
    public static UploadedFile file(Context ctx, String field) {
        // without a boundary the parts cannot be found at all; saying the field is missing would mislead
        if (!String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).contains("boundary=")) {
            throw ApiException.badRequest(field, "The multipart/form-data Content-Type has no boundary, so its parts cannot"
                    + " be read; let your HTTP client build the form.");
        }
        UploadedFile file = ctx.uploadedFile(field);
        if (file != null) {
            return file;
        }
        if (ctx.formParam(field) != null) {
            throw ApiException.badRequest(field, "The field '" + field + "' holds text, not a file; upload the file in it"
                    + " (a part with a filename).");
        }
        throw ApiException.badRequest(field, "The form has no field '" + field + "'; put the file there.");
    }
}
