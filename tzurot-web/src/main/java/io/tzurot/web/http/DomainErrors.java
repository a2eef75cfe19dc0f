package io.tzurot.web.http;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;

/**
 * The web's form of a core {@link DomainError}: not found 404, forbidden 403, invalid field 400 naming the
 * field, conflict 409, too large 413 naming the field, unavailable 503 {@code not_configured} or {@code busy}, or
 * 502 {@code provider_unavailable}.
 */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** The API error a domain error answers with. */
    public static ApiException toApi(DomainException e) {
        return toApi(e.error());
    }

    public static ApiException toApi(DomainError error) {
        if (error instanceof DomainError.NotFound n) {
            return new ApiException(404, "not_found", n.message(), null);
        }
        if (error instanceof DomainError.Forbidden f) {
            return new ApiException(403, "forbidden", f.message(), null);
        }
        if (error instanceof DomainError.InvalidField i) {
            return new ApiException(400, "bad_request", i.message(), i.field());
        }
        if (error instanceof DomainError.Conflict c) {
            return new ApiException(409, "conflict", c.message(), c.field());
        }
        if (error instanceof DomainError.TooLarge t) {
            return new ApiException(413, "payload_too_large", t.message(), t.field());
        }
        DomainError.Unavailable u = (DomainError.Unavailable) error;
        return switch (u.reason()) {
            case NOT_CONFIGURED -> new ApiException(503, "not_configured", u.message(), null);
            // the 503 gets a Retry-After from the error responses
            case BUSY -> new ApiException(503, "busy", u.message(), null);
            case PROVIDER_UNREACHABLE -> new ApiException(502, "provider_unavailable", u.message(), null);
        };
    }
}
