package io.tzurot.web.http;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;

/**
 * The web's form of a core {@link DomainError}: not found 404, forbidden 403, invalid field 400 naming the
 * field, conflict 409, unavailable 503 {@code not_configured} or 502 {@code provider_unavailable}.
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
        DomainError.Unavailable u = (DomainError.Unavailable) error;
        return u.reason() == DomainError.Reason.NOT_CONFIGURED
                ? new ApiException(503, "not_configured", u.message(), null)
                : new ApiException(502, "provider_unavailable", u.message(), null);
    }
}
