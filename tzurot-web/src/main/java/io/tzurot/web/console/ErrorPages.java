package io.tzurot.web.console;

import java.util.Map;

/** The console's plain pages for errors and refused login links. */
public final class ErrorPages {

    private ErrorPages() {
    }

    public static String render(String heading, String message) {
        return Templates.render("message.jte", Map.of("page", new Page(heading, java.util.List.of(), null),
                "heading", heading, "message", message));
    }

    /** A one-line alert fragment for htmx requests that failed. */
    public static String alert(String message) {
        return Templates.render("alert.jte", Map.of("message", message));
    }
}
