package io.tzurot.discord.dashboard;

import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandCall;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The one dashboard (spec §2.2): an ephemeral embed with one field per section, a select to edit a section or
 * run an action, and Refresh, Close (or Back to Browse) and Delete. Choosing a section opens a modal pre-filled
 * with its fields; submitting saves through the spec and re-renders the same message. Delete asks for a typed
 * confirmation. Custom ids: {@code {prefix}::{menu|refresh|close|back|delete}::{id}},
 * {@code {prefix}::modal::{id}::{section}} and {@code {prefix}::destructive::{step}::delete::{id}}.
 *
 * @param <T> the entity
 */
public final class DashboardEngine<T> {

    /** Dashboard blurple. */
    public static final int COLOR = 0x5865F2;
    /** The word a user types to confirm a deletion (any case). */
    public static final String CONFIRM_WORD = "DELETE";

    private static final Set<String> ACTIONS = Set.of("menu", "modal", "refresh", "close", "back", "delete",
            "destructive");
    private static final int PREVIEW = 200;

    private final DashboardSpec<T> spec;
    private final DashboardSessions sessions;
    private final BiConsumer<ComponentCall, String> back;

    /** @param back re-opens the browse list a dashboard came from, given its encoded state */
    public DashboardEngine(DashboardSpec<T> spec, DashboardSessions sessions, BiConsumer<ComponentCall, String> back) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.back = Objects.requireNonNull(back, "back");
    }

    /** Opens the dashboard as the command's answer. */
    public void open(CommandCall call, T entity) {
        sessions.open(spec.prefix(), spec.id(entity), call.caller().discordId(), "");
        call.answer(render(call.caller(), entity, false, ""));
    }

    /** Opens it in place of a browse list, remembering the list for "Back to Browse". */
    public void openFromBrowse(ComponentCall call, T entity, String browseState) {
        sessions.open(spec.prefix(), spec.id(entity), call.caller().discordId(), browseState);
        call.update(render(call.caller(), entity, true, ""));
    }

    /** Opens it as a new ephemeral message (e.g. after a creation modal). */
    public void openAsReply(ComponentCall call, T entity, String notice) {
        sessions.open(spec.prefix(), spec.id(entity), call.caller().discordId(), "");
        call.reply(render(call.caller(), entity, false, notice));
    }

    /** True for the custom ids this engine answers. */
    public boolean handles(ComponentCall call) {
        return call.part(0).equals(spec.prefix()) && ACTIONS.contains(call.part(1));
    }

    public void handle(ComponentCall call) {
        Caller caller = call.caller();
        switch (call.part(1)) {
            case "modal" -> save(call);
            case "close" -> {
                sessions.close(spec.prefix(), call.part(2), caller.discordId());
                call.update(new MessageEditBuilder().setContent("✅ Dashboard closed.").setEmbeds().setComponents()
                        .build());
            }
            case "destructive" -> destructive(call);
            default -> {
                String id = call.part(2);
                DashboardSessions.Session session = requireSession(call, id);
                switch (call.part(1)) {
                    case "menu" -> menu(call, session);
                    case "refresh" -> call.update(render(caller, spec.load(caller, id), session.fromBrowse(), ""));
                    case "back" -> {
                        sessions.close(spec.prefix(), id, caller.discordId());
                        back.accept(call, session.back());
                    }
                    case "delete" -> confirmDeletion(call, spec.load(caller, id));
                    default -> throw new CommandFailure("Unknown interaction!");
                }
            }
        }
    }

    /** The dashboard message; {@code notice} is a line above the embed ("" for none). */
    public MessageEditData render(Caller caller, T entity, boolean fromBrowse, String notice) {
        String id = spec.id(entity);
        EmbedBuilder embed = new EmbedBuilder().setTitle(spec.title(entity)).setColor(COLOR)
                .setDescription(spec.description(caller, entity))
                .setFooter("Choose a section to edit; each change is saved when you submit it.")
                .setTimestamp(Instant.now());
        StringSelectMenu.Builder menu = StringSelectMenu.create(spec.prefix() + "::menu::" + id)
                .setPlaceholder("Select a section to edit...");
        for (DashboardSpec.Section section : spec.sections(caller, entity)) {
            embed.addField(section.label() + " " + spec.status(section).orElseGet(() -> status(section)),
                    preview(section), false);
            menu.addOption(section.label(), "edit-" + section.id());
        }
        for (DashboardSpec.Action action : spec.actions(caller, entity)) {
            menu.addOption(action.label(), "action-" + action.id(), action.description());
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(Button.secondary(spec.prefix() + "::refresh::" + id, "🔄 Refresh"));
        buttons.add(fromBrowse ? Button.secondary(spec.prefix() + "::back::" + id, "◀️ Back to Browse")
                : Button.secondary(spec.prefix() + "::close::" + id, "✖️ Close"));
        if (spec.deletionWarning(caller, entity).isPresent()) {
            buttons.add(Button.danger(spec.prefix() + "::delete::" + id, "🗑️ Delete"));
        }
        return new MessageEditBuilder().setContent(notice).setEmbeds(embed.build())
                .setComponents(ActionRow.of(menu.build()), ActionRow.of(buttons)).build();
    }

    private void menu(ComponentCall call, DashboardSessions.Session session) {
        String choice = call.values().isEmpty() ? "" : call.values().get(0);
        Caller caller = call.caller();
        T entity = spec.load(caller, session.entityId());
        if (choice.startsWith("edit-")) {
            String sectionId = choice.substring("edit-".length());
            DashboardSpec.Section section = section(caller, entity, sectionId);
            Modal.Builder modal = Modal.create(spec.prefix() + "::modal::" + spec.id(entity) + "::" + sectionId,
                    truncate("Edit " + section.label(), 45));
            for (DashboardSpec.Field field : section.fields()) {
                TextInput.Builder input = TextInput.create(field.id(), field.paragraph() ? TextInputStyle.PARAGRAPH
                        : TextInputStyle.SHORT).setRequired(field.required()).setMaxLength(field.max());
                if (!field.value().isEmpty()) {
                    input.setValue(truncate(field.value(), field.max()));
                }
                modal.addComponents(Label.of(truncate(field.label(), 45), input.build()));
            }
            call.openModal(modal.build());
        } else if (choice.startsWith("action-")) {
            T changed = spec.act(caller, session.entityId(), choice.substring("action-".length()), call);
            call.update(render(caller, changed, session.fromBrowse(), ""));
        } else {
            throw new CommandFailure("Unknown interaction!");
        }
    }

    /** A submitted section: an expired session is re-created, since the user's edit is worth keeping. */
    private void save(ComponentCall call) {
        Caller caller = call.caller();
        String id = call.part(2);
        DashboardSessions.Session session = sessions.touch(spec.prefix(), id, caller.discordId())
                .orElseGet(() -> sessions.open(spec.prefix(), id, caller.discordId(), ""));
        T current = spec.load(caller, id);
        DashboardSpec.Section section = section(caller, current, call.part(3));
        Map<String, String> values = new LinkedHashMap<>();
        section.fields().forEach(f -> values.put(f.id(), call.field(f.id())));
        T saved = spec.save(caller, id, section.id(), values);
        if (!spec.id(saved).equals(id)) {
            sessions.close(spec.prefix(), id, caller.discordId());
            sessions.open(spec.prefix(), spec.id(saved), caller.discordId(), session.back());
        }
        call.update(render(caller, saved, session.fromBrowse(), ""));
    }

    private void confirmDeletion(ComponentCall call, T entity) {
        Caller caller = call.caller();
        String warning = spec.deletionWarning(caller, entity).orElseThrow(
                () -> new CommandFailure("❌ You do not have permission to delete this."));
        String id = spec.id(entity);
        String base = spec.prefix() + "::destructive::";
        EmbedBuilder embed = new EmbedBuilder().setTitle("🗑️ Delete " + spec.name(entity) + "?").setColor(0xED4245)
                .setDescription(warning + "\n\nThis cannot be undone. You will be asked to"
                + " type **" + CONFIRM_WORD + "** to confirm.");
        call.update(new MessageEditBuilder().setContent("").setEmbeds(embed.build()).setComponents(ActionRow.of(
                Button.danger(base + "confirm_button::delete::" + id, "Delete Forever"),
                Button.secondary(base + "cancel_button::delete::" + id, "Cancel"))).build());
    }

    private void destructive(ComponentCall call) {
        Caller caller = call.caller();
        String id = call.part(4);
        DashboardSessions.Session session = requireSession(call, id);
        switch (call.part(2)) {
            case "confirm_button" -> call.openModal(Modal.create(spec.prefix() + "::destructive::modal_submit::delete::"
                    + id, "Confirm Deletion").addComponents(Label.of("Type " + CONFIRM_WORD + " to confirm",
                    TextInput.create("confirm", TextInputStyle.SHORT).setRequired(true).setMaxLength(20).build()))
                    .build());
            case "cancel_button" -> call.update(render(caller, spec.load(caller, id), session.fromBrowse(), ""));
            case "modal_submit" -> {
                if (!call.field("confirm").equalsIgnoreCase(CONFIRM_WORD)) {
                    call.update(render(caller, spec.load(caller, id), session.fromBrowse(),
                            "Nothing was deleted: type " + CONFIRM_WORD + " exactly to confirm."));
                    return;
                }
                String result = spec.delete(caller, id);
                sessions.close(spec.prefix(), id, caller.discordId());
                call.update(new MessageEditBuilder().setContent(result).setEmbeds().setComponents().build());
            }
            default -> throw new CommandFailure("Unknown interaction!");
        }
    }

    private DashboardSessions.Session requireSession(ComponentCall call, String id) {
        return sessions.touch(spec.prefix(), id, call.caller().discordId()).orElseThrow(() -> new CommandFailure(
                "⏰ Session expired. Please run `" + spec.command() + "` again."));
    }

    private DashboardSpec.Section section(Caller caller, T entity, String sectionId) {
        return spec.sections(caller, entity).stream().filter(s -> s.id().equals(sectionId)).findFirst()
                .orElseThrow(() -> new CommandFailure("Unknown interaction!"));
    }

    private static String status(DashboardSpec.Section section) {
        long filled = section.fields().stream().filter(f -> !f.value().isBlank()).count();
        return filled == section.fields().size() ? "✅" : filled == 0 ? "❌" : "⚠️";
    }

    private static String preview(DashboardSpec.Section section) {
        StringBuilder text = new StringBuilder();
        for (DashboardSpec.Field field : section.fields()) {
            if (!field.value().isBlank()) {
                text.append("**").append(field.label()).append(":** ")
                        .append(truncate(field.value().replace('\n', ' '), 80)).append('\n');
            }
        }
        return text.length() == 0 ? "_Not set_" : truncate(text.toString().strip(), PREVIEW);
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
