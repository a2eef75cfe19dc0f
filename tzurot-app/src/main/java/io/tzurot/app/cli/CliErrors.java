package io.tzurot.app.cli;

import io.tzurot.core.failure.DomainError;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The CLI's form of a core domain error: one line on stderr ({@code error: ...}, naming the option for a
 * field) and an exit code: 2 for an invalid value, a conflict or a too-large file (the command line must change), 1 for not
 * found, forbidden or unavailable.
 */
final class CliErrors {

    private CliErrors() {
    }

    /** Prints the error and returns the exit code. */
    static int report(DomainError error, PrintStream err) {
        String field = error.field();
        String option = field == null ? "" : " (option --" + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + ")";
        err.println("error: " + error.message() + option);
        return exitCode(error);
    }

    static int exitCode(DomainError error) {
        return error instanceof DomainError.InvalidField || error instanceof DomainError.Conflict
                || error instanceof DomainError.TooLarge ? 2 : 1;
    }
}
