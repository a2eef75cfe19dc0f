package io.tzurot.app.cli;

import io.tzurot.core.shapes.ImportedShapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tzurot personality import-shapes USERNAME} (live, the session cookie from {@code TZUROT_SHAPES_COOKIE}, so
 * it never appears in the command line or the shell history) and {@code tzurot personality import-shapes --file
 * EXPORT.json}. Prints the new slug, then a summary on standard error.
 */
@Command(name = "import-shapes", mixinStandardHelpOptions = true,
        description = "Import a shapes.inc character and its memories: live by USERNAME with your session cookie in"
                + " the environment variable " + ShapesImportCommand.COOKIE_VARIABLE + ", or from a saved export with"
                + " --file. Prints the new slug.")
final class ShapesImportCommand implements Callable<Integer> {

    /** Where the live import reads the session cookie from (never from an argument). */
    static final String COOKIE_VARIABLE = "TZUROT_SHAPES_COOKIE";
    private static final long MAX_FILE = 64L * 1024 * 1024;

    @ParentCommand PersonalityCommand parent;
    @Parameters(paramLabel = "USERNAME", arity = "0..1", description = "The shape's username on shapes.inc.") String username;
    @Option(names = "--file", description = "A saved shapes.inc export (.json) instead of the live site.") Path file;
    @Option(names = "--owner", description = "Owner's user id (default: BOT_OWNER_ID).") String owner;

    @Override
    public Integer call() {
        if ((username == null) == (file == null)) {
            parent.context.err().println("error: give either a shapes.inc USERNAME or --file EXPORT.json");
            return 2;
        }
        if (file != null) {
            byte[] bytes;
            try {
                if (Files.size(file) > MAX_FILE) {
                    parent.context.err().println("error: " + file + " is larger than 64 MB");
                    return 2;
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                parent.context.err().println("error: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            return parent.asUserWithShapes(owner, "--owner", (shapes, actor) -> print(shapes.importFile(actor, bytes)));
        }
        String cookie = parent.context.environment().get(COOKIE_VARIABLE);
        if (cookie == null || cookie.isBlank()) {
            parent.context.err().println("error: set " + COOKIE_VARIABLE + " to your shapes.inc session cookie"
                    + " (appSession=...) for a live import");
            return 2;
        }
        return parent.asUserWithShapes(owner, "--owner", (shapes, actor) -> print(shapes.importLive(actor, username,
                cookie)));
    }

    private int print(ImportedShapes imported) {
        parent.context.out().println(imported.personality().slug());
        parent.context.err().println("imported '" + imported.personality().name() + "' with " + imported.memoriesImported()
                + " memories (" + imported.memoriesSkipped() + " skipped, " + imported.storiesCount()
                + " stories not imported)");
        return 0;
    }
}
