package io.tzurot.web.http;

import io.tzurot.core.avatar.AvatarImages;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The largest request body each route accepts. {@link BodyLimitFilter} enforces them while the body
 * streams in, so an oversize body is refused as soon as it passes its limit instead of being read whole.
 */
public final class BodyLimits {

    /** JSON bodies and the console's urlencoded forms: 1 MiB. */
    public static final long JSON_BYTES = Inputs.MAX_JSON_BYTES;
    /** A raw avatar upload ({@code PUT /api/v1/personalities/{slug}/avatar}): 8 MiB. */
    public static final long AVATAR_BYTES = AvatarImages.MAX_BYTES;
    /** A multipart form (the console's character form with its avatar): the avatar plus 1 MiB of fields. */
    public static final long MULTIPART_BYTES = AVATAR_BYTES + JSON_BYTES;

    private static final Pattern AVATAR_PATH = Pattern.compile("/api/v1/personalities/[^/]+/avatar/?");

    private BodyLimits() {
    }

    /** The limit for one request, chosen by its route and content type. */
    public static long forRequest(String method, String path, String contentType) {
        if ("PUT".equalsIgnoreCase(method) && path != null && AVATAR_PATH.matcher(path).matches()) {
            return AVATAR_BYTES;
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return MULTIPART_BYTES;
        }
        return JSON_BYTES;
    }

    /** The 413 for one file of a multipart form over {@link #AVATAR_BYTES} (the whole form may be a little larger). */
    static ApiException fileRefusal() {
        return new ApiException(413, "payload_too_large", "A file in the form is larger than this server accepts: at most "
                + AVATAR_BYTES + " bytes (" + (AVATAR_BYTES / (1024 * 1024)) + " MiB) per file.", null);
    }

    /** The 413 for a body over {@code limit}, naming the avatar field on avatar routes. */
    static ApiException refusal(String path, long limit) {
        boolean avatar = limit == AVATAR_BYTES && path != null && AVATAR_PATH.matcher(path).matches();
        return new ApiException(413, "payload_too_large", "The request body is larger than this route accepts: at most "
                + limit + " bytes (" + (limit / (1024 * 1024)) + " MiB)" + (avatar ? " for an avatar." : "."),
                avatar ? "avatar" : null);
    }
}
