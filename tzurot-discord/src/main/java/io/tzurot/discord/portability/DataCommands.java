package io.tzurot.discord.portability;

import io.tzurot.core.portability.ExportJob;
import io.tzurot.core.userdata.DataRights;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ErasureCounts;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandGroupData;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /settings data export | delete}: the caller's whole data. Export starts the background job and keeps the
 * private answer up to date with its progress; the ZIP then follows as a file, or as a link when it is too large
 * to attach. Delete shows what would go and asks for the typed phrase in a modal before erasing the account.
 */
public final class DataCommands {

    /** Custom ids of the erasure steps: the button that opens the modal, and the modal. */
    static final String ERASE_BUTTON = "settings::erase::confirm";
    static final String ERASE_MODAL = "settings::erase::submit";

    private final Optional<PortabilityServices> services;
    private final ScheduledExecutorService timer;

    /** @param timer where the export's progress is checked (every two seconds, until done) */
    public DataCommands(Optional<PortabilityServices> services, ScheduledExecutorService timer) {
        this.services = Objects.requireNonNull(services, "services");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    public static SubcommandGroupData definition() {
        return new SubcommandGroupData("data", "All your data: take it with you, or erase it").addSubcommands(
                new SubcommandData("export", "Export everything you put in (a ZIP: personas, presets, characters,"
                        + " memories, history, settings)"),
                new SubcommandData("delete", "Erase your account and all its data, after a typed confirmation"));
    }

    public void run(CommandCall call) {
        switch (call.path()) {
            case "settings data export" -> {
                ExportJob job = services().userData().exporting().start(call.caller().actor(), DataRights.ME);
                call.answer(ExportProgress.line(job));
                new ExportProgress(services(), call, job.id(), timer).watch();
            }
            case "settings data delete" -> {
                ErasingUser.Report preview = services().userData().erasing().preview(call.caller().actor(), DataRights.ME);
                call.answer(new MessageEditBuilder().setContent("⚠️ **Erase your account?** This removes "
                        + summary(preview.counts()) + " for good, including the characters you created (and what"
                        + " others said to them). Export your data first with `/settings data export` if you want a"
                        + " copy.\nTo go ahead, press the button and type **" + ErasingUser.CONFIRMATION + "**.")
                        .setComponents(ActionRow.of(Button.danger(ERASE_BUTTON, "Erase Everything…"))).build());
            }
            default -> throw new CommandFailure("Unknown subcommand /" + call.path());
        }
    }

    public boolean handles(ComponentCall call) {
        return call.part(1).equals("erase");
    }

    public void handle(ComponentCall call) {
        if (!call.isModal()) {
            call.openModal(Modal.create(ERASE_MODAL, "Erase your account").addComponents(Label.of("Type "
                    + ErasingUser.CONFIRMATION + " to confirm", TextInput.create("confirm", TextInputStyle.SHORT)
                    .setRequired(true).setMaxLength(40).build())).build());
            return;
        }
        ErasingUser.Report done = services().userData().erasing().erase(call.caller().actor(), DataRights.ME,
                call.field("confirm"));
        call.reply("🗑️ Your account was erased: " + summary(done.counts()) + " removed. Using the bot again starts"
                + " a new, empty account.");
    }

    private static String summary(ErasureCounts c) {
        return c.personas() + " personas, " + c.presets() + " presets, " + c.characters() + " characters, "
                + c.memories() + " memories and " + c.messages() + " messages of yours"
                + (c.othersMessages() + c.othersMemories() == 0 ? "" : ", and " + c.othersMessages() + " messages and "
                + c.othersMemories() + " memories of others with your characters");
    }

    private PortabilityServices services() {
        return services.orElseThrow(() -> new CommandFailure("❌ Data export and erasure are not available on this bot."));
    }
}
