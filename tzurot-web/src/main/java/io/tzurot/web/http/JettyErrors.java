package io.tzurot.web.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty writes itself, before a route runs (a malformed or too long URI, headers over the size
 * limit, an ambiguous path): the API's {@code {error, message, field}} JSON instead of Jetty's HTML page,
 * and for console paths the console's own short page.
 */
public final class JettyErrors extends ErrorHandler {

    private final ErrorResponses.HtmlErrors html;

    /** @param html draws the page a console path gets (the console's own, given by whoever wires the server) */
    public JettyErrors(ErrorResponses.HtmlErrors html) {
        this.html = java.util.Objects.requireNonNull(html, "html");
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        String text = message(code, message);
        String path = request.getRequestURI();
        if (path != null && path.startsWith("/api/")) {
            response.setContentType("application/json");
            response.getOutputStream().write(json(code, text));
        } else {
            response.setContentType("text/html; charset=utf-8");
            response.getOutputStream().write(html.page(code, text).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * A request Jetty could not even parse: its path is not known, and API clients are the ones that send
     * such requests, so the answer is always the JSON error.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return ByteBuffer.wrap(json(status, message(status, reason)));
    }

    private static byte[] json(int status, String message) {
        try {
            return Inputs.MAPPER.writeValueAsBytes(new ErrorBody(code(status), message, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String code(int status) {
        return switch (status) {
            case 414 -> "uri_too_long";
            case 431 -> "headers_too_large";
            default -> ErrorResponses.codeFor(status);
        };
    }

    private static String message(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
        return switch (status) {
            case 414 -> "The request URI is too long" + detail + "; send large values in the body.";
            case 431 -> "The request headers are too large" + detail + ".";
            case 413 -> "The request body is too large" + detail + ".";
            default -> status >= 500 ? "Something went wrong on our side; it has been logged."
                    : "The request could not be understood" + detail + "; check the URI and headers.";
        };
    }
}
