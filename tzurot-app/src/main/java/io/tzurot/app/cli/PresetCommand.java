package io.tzurot.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.portability.preset.PortingPresets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code tzurot preset export|import|template}: preset files in the reference's JSON (and SillyTavern
 * chat-completion presets in), through the same core use case as the API. Exit codes as {@link CliErrors}.
 */
@Command(name = "preset", mixinStandardHelpOptions = true, description = "Export, import or get a template of preset files.",
        subcommands = {PresetCommand.Export.class, PresetCommand.Import.class, PresetCommand.Template.class})
public final class PresetCommand implements Runnable {

    /** Largest preset file read. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final CliContext context;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public PresetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    /** Writes pretty JSON to {@code out} ("-": standard output). */
    int write(String out, Map<String, Object> json) {
        try {
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
            if (out == null || out.equals("-")) {
                context.out().print(text);
            } else {
                Files.writeString(context.workingDirectory().resolve(out), text);
            }
            return 0;
        } catch (IOException e) {
            context.err().println("error: could not write " + out + ": " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a preset as the reference's JSON.")
    static final class Export implements Callable<Integer> {
        @ParentCommand PresetCommand parent;
        @Parameters(paramLabel = "ID", description = "The preset's id.") String id;
        @Option(names = "--out", description = "File to write (default: standard output).") String out;
        @Option(names = "--user", description = "Act as this user id (default: BOT_OWNER_ID).") String user;

        @Override
        public Integer call() {
            UUID presetId;
            try {
                presetId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                parent.context.err().println("error: ID must be a preset id (a UUID), got '" + id + "'");
                return 2;
            }
            return new PersonalityCommand(parent.context).asUser(user, "--user",
                    (uc, actor) -> parent.write(out, uc.portingPresets().export(actor, presetId)));
        }
    }

    @Command(name = "template", mixinStandardHelpOptions = true, description = "Write a preset file to fill in.")
    static final class Template implements Callable<Integer> {
        @ParentCommand PresetCommand parent;
        @Option(names = "--out", description = "File to write (default: standard output).") String out;

        @Override
        public Integer call() {
            return parent.write(out, PortingPresets.templateJson());
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Create a preset from the reference's JSON or a SillyTavern chat-completion preset; prints its id.")
    static final class Import implements Callable<Integer> {
        @ParentCommand PresetCommand parent;
        @Parameters(paramLabel = "FILE", description = "The .json file.") Path file;
        @Option(names = "--name", description = "Its name (default: the file's; SillyTavern files: the file name).") String name;
        @Option(names = "--model", description = "Use this model instead of the file's.") String model;
        @Option(names = "--owner", description = "Owner's user id (default: BOT_OWNER_ID).") String owner;

        @Override
        public Integer call() {
            Path path = parent.context.workingDirectory().resolve(file.toString());
            Map<String, Object> json;
            try {
                if (Files.size(path) > MAX_FILE_BYTES) {
                    parent.context.err().println("error: " + file + " is larger than 1 MiB; preset files are small JSON files");
                    return 2;
                }
                json = JSON.readValue(Files.readAllBytes(path), new TypeReference<Map<String, Object>>() { });
            } catch (JsonProcessingException e) {
                parent.context.err().println("error: " + file + " is not a JSON object"
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")"));
                return 2;
            } catch (IOException e) {
                parent.context.err().println("error: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            if (json == null) {
                parent.context.err().println("error: " + file + " is not a JSON object");
                return 2;
            }
            String fileName = path.getFileName().toString();
            String base = fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? fileName.substring(0, fileName.length() - 5)
                    : fileName;
            Map<String, Object> read = json;
            return new PersonalityCommand(parent.context).asUser(owner, "--owner", (uc, actor) -> {
                PortingPresets.Imported done = uc.portingPresets().importFile(actor, read, Optional.ofNullable(name),
                        Optional.ofNullable(model), Optional.of(base));
                if (!done.ignored().isEmpty()) {
                    parent.context.err().println("ignored: " + String.join(", ", done.ignored()));
                }
                done.notes().forEach(n -> parent.context.err().println("note: " + n));
                parent.context.out().println(done.preset().id());
                return 0;
            });
        }
    }
}
