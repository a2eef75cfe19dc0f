package io.tzurot.app.cli;

import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.ExportedFile;
import io.tzurot.core.card.ImportedCharacter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tzurot personality import FILE} and {@code tzurot personality export SLUG --format F --out FILE}. */
final class PersonalityFileCommands {

    private PersonalityFileCommands() {
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a character file (.png, .json or .charx: a SillyTavern card or the reference's JSON);"
                    + " prints the new slug.")
    static final class Import implements Callable<Integer> {
        @ParentCommand PersonalityCommand parent;
        @Parameters(paramLabel = "FILE", description = "The .png, .json or .charx file.") Path file;
        @Option(names = "--owner", description = "Owner's user id (default: BOT_OWNER_ID).") String owner;

        @Override
        public Integer call() {
            byte[] bytes;
            try {
                if (Files.size(file) > 64L * 1024 * 1024) {
                    parent.context.err().println("error: " + file + " is larger than 64 MB; no character file is that big");
                    return 2;
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                parent.context.err().println("error: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            return parent.asUserWithCards(owner, "--owner", (cards, actor) -> {
                ImportedCharacter imported = cards.importing().importFile(actor, file.getFileName().toString(), bytes);
                parent.context.out().println(imported.personality().slug());
                return 0;
            });
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a character you may edit as tzurot (the reference's JSON), card-json, card-png or charx.")
    static final class Export implements Callable<Integer> {
        @ParentCommand PersonalityCommand parent;
        @Parameters(paramLabel = "SLUG") String slug;
        @Option(names = "--format", required = true, description = "tzurot|card-json|card-png|charx") String format;
        @Option(names = "--out", required = true, description = "The file to write.") Path out;
        @Option(names = "--user", description = "Act as this user id (default: BOT_OWNER_ID).") String user;

        @Override
        public Integer call() {
            return parent.asUserWithCards(user, "--user", (cards, actor) -> {
                ExportedFile file = cards.exporting().export(actor, slug, CharacterExportFormat.named(format));
                try {
                    Files.write(out, file.bytes());
                } catch (IOException e) {
                    parent.context.err().println("error: cannot write " + out + ": " + e.getMessage());
                    return 2;
                }
                parent.context.out().println(out);
                return 0;
            });
        }
    }
}
