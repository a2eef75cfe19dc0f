package io.tzurot.web.http;

import io.tzurot.web.console.ErrorPages;

/** The readable page a console request gets instead of the API's JSON error. */
final class ErrorPage {

    private ErrorPage() {
    }

    static String render(int status, String message) {
        String heading = switch (status) {
            case 401 -> "Sign-in required";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 413 -> "Too large";
            case 503 -> "Starting";
            default -> status >= 500 ? "Something went wrong" : "That did not work";
        };
        return ErrorPages.render(heading, message);
    }
}
