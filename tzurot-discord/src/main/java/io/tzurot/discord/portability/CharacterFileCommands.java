package io.tzurot.discord.portability;

import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.card.ExportedFile;
import io.tzurot.core.card.ImportedCharacter;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.shapes.ImportedShapes;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /character import | export | template | import-shapes | import-shapes-file}: character files in and out
 * (cards as PNG, JSON or CHARX, and the reference's JSON) and shapes.inc imports, each answered privately. The
 * shapes.inc session cookie is asked for in a modal, so it never appears in a command's options, and it is
 * passed to the import only: never stored, shown or logged.
 */
public final class CharacterFileCommands {

    /** The subcommand names this class serves under {@code /character}. */
    public static final List<String> PATHS = List.of("character import", "character export", "character template",
            "character import-shapes", "character import-shapes-file");
    /** The modal of the cookie; its custom id ends with the shapes username. */
    static final String COOKIE_MODAL = "character::shapes::";

    private final Optional<PortabilityServices> services;

    public CharacterFileCommands(Optional<PortabilityServices> services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    /** The subcommands' definitions; {@code editable} is the option naming one of the caller's characters. */
    public static List<SubcommandData> definitions(OptionData editable) {
        OptionData format = new OptionData(OptionType.STRING, "format", "File format (default: card PNG)", false);
        format.addChoice("SillyTavern card (PNG)", "card-png").addChoice("SillyTavern card (JSON)", "card-json")
                .addChoice("CHARX", "charx").addChoice("Tzurot JSON", "tzurot");
        return List.of(
                new SubcommandData("import", "Import a character file: a SillyTavern card (.png, .json, .charx) or"
                        + " Tzurot JSON").addOptions(new OptionData(OptionType.ATTACHMENT, "file", "The character file",
                        true)),
                new SubcommandData("export", "Download one of your characters as a file").addOptions(editable, format),
                new SubcommandData("template", "A Tzurot JSON file to fill in and import"),
                new SubcommandData("import-shapes", "Import a character and its memories from shapes.inc (asks for"
                        + " your session cookie privately)").addOptions(new OptionData(OptionType.STRING, "username",
                        "The shape's username on shapes.inc", true).setMaxLength(64)),
                new SubcommandData("import-shapes-file", "Import a saved shapes.inc export (.json) with its memories")
                        .addOptions(new OptionData(OptionType.ATTACHMENT, "file", "The shapes.inc export", true)));
    }

    /** True for the one subcommand that answers with a modal rather than a deferred message. */
    public static boolean opensModal(String path) {
        return path.equals("character import-shapes");
    }

    public void run(CommandCall call) {
        switch (call.path()) {
            case "character import" -> {
                Message.Attachment file = attachment(call);
                ImportedCharacter imported = services().cards().importing().importFile(call.caller().actor(),
                        file.getFileName(), DiscordFiles.read(file));
                call.answer("✅ Imported **" + imported.personality().shownName() + "** as `"
                        + imported.personality().slug() + "` (private)" + (imported.lorebookEntries() == 0 ? "."
                        : ", with a lorebook of " + imported.lorebookEntries() + " entries.")
                        + " Talk to it with `/character chat` or mention it.");
            }
            case "character export" -> {
                CharacterExportFormat format = CharacterExportFormat.named(call.option("format").orElse("card-png"));
                ExportedFile file = services().cards().exporting().export(call.caller().actor(),
                        call.option("character").orElse(""), format);
                call.answer(withFile("📦 **" + file.fileName() + "**: import it here or in any app that reads "
                        + (format == CharacterExportFormat.TZUROT ? "Tzurot JSON." : "SillyTavern cards."), file));
            }
            case "character template" -> call.answer(withFile("📄 Fill in this file (the fields marked required at"
                    + " least), then import it with `/character import`.", services().cards().exporting().template()));
            case "character import-shapes" -> {
                shapes();
                String username = call.option("username").orElse("");
                call.openModal(Modal.create(COOKIE_MODAL + username, "Import from shapes.inc").addComponents(Label.of(
                        "Your shapes.inc session cookie", TextInput.create("cookie", TextInputStyle.PARAGRAPH)
                                .setRequired(true).setMaxLength(4000).setPlaceholder("appSession=...").build())).build());
            }
            case "character import-shapes-file" -> {
                Message.Attachment file = attachment(call);
                call.answer(describe(shapes().importFile(call.caller().actor(), DiscordFiles.read(file))));
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    /** Whether this component is the cookie modal. */
    public boolean handles(ComponentCall call) {
        return call.isModal() && call.part(1).equals("shapes");
    }

    /** The cookie modal was submitted: the import runs (it takes a while), then the answer replaces "thinking". */
    public void handle(ComponentCall call) {
        ImportingShapes shapes = shapes();
        call.defer();
        try {
            call.reply(describe(shapes.importLive(call.caller().actor(), call.part(2), call.field("cookie"))));
        } catch (DomainException e) {
            // the answer is already "thinking": it becomes the refusal instead of staying there beside it
            call.reply("❌ " + e.getMessage());
        }
    }

    private static String describe(ImportedShapes imported) {
        return "✅ Imported **" + imported.personality().shownName() + "** from shapes.inc as `"
                + imported.personality().slug() + "` (private), with " + imported.memoriesImported() + " memories"
                + (imported.memoriesSkipped() == 0 ? "" : " (" + imported.memoriesSkipped() + " skipped: deleted, empty"
                + " or repeated)") + "." + (imported.storiesCount() == 0 ? "" : " Its " + imported.storiesCount()
                + " knowledge-base stories were not imported.") + " Your session cookie was not kept.";
    }

    private static Message.Attachment attachment(CommandCall call) {
        return call.attachment("file").orElseThrow(() -> new CommandFailure("❌ Attach the file to import."));
    }

    private static net.dv8tion.jda.api.utils.messages.MessageEditData withFile(String text, ExportedFile file) {
        if (file.bytes().length > DiscordFiles.MAX_UPLOAD) {
            throw new CommandFailure("❌ **" + file.fileName() + "** is " + DiscordFiles.mib(file.bytes().length)
                    + ", more than Discord lets a bot attach; download it from the web console or the API instead.");
        }
        return new MessageEditBuilder().setContent(text).setFiles(FileUpload.fromData(file.bytes(), file.fileName()))
                .build();
    }

    private PortabilityServices services() {
        return services.orElseThrow(() -> new CommandFailure("❌ Character files are not available on this bot."));
    }

    private ImportingShapes shapes() {
        return services().shapes().orElseThrow(() -> new CommandFailure(
                "❌ shapes.inc imports are not available on this bot."));
    }
}
