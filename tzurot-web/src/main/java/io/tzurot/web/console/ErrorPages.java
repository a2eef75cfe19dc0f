package io.tzurot.web.console;

import io.tzurot.web.http.ErrorResponses;
import java.util.Map;

/** The console's plain pages for errors and refused login links. */
public final class ErrorPages {

    /** How {@link ErrorResponses} draws console errors. */
    public static final ErrorResponses.HtmlErrors HTML = new ErrorResponses.HtmlErrors() {
        @Override
        public String page(int status, String message) {
            return ErrorPages.page(status, message);
        }

        @Override
        public String alert(String message) {
            return ErrorPages.alert(message);
        }
    };

    private ErrorPages() {
    }

    public static String render(String heading, String message) {
        return Templates.render("message.jte", Map.of("page", new Page(heading, java.util.List.of(), null),
                "heading", heading, "message", message));
    }

    /** The readable page a console request gets instead of the API's JSON error. */
    public static String page(int status, String message) {
        String heading = switch (status) {
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 413 -> "Too large";
            case 503 -> "Starting";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
        return render(heading, message);
    }

    /** A one-line alert fragment for htmx requests that failed. */
    public static String alert(String message) {
        return Templates.render("alert.jte", Map.of("message", message));
    }
}
