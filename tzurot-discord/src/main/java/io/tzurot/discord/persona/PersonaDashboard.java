package io.tzurot.discord.persona;

import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaFields;
import io.tzurot.core.persona.PersonaInput;
import io.tzurot.core.text.TextRules;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.dashboard.DashboardSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The persona dashboard: one section, 📝 Persona Info; delete is offered for every persona but the default. */
final class PersonaDashboard implements DashboardSpec<Persona> {

    private final ManagementUseCases useCases;

    PersonaDashboard(ManagementUseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public String prefix() {
        return "persona";
    }

    @Override
    public String command() {
        return "/persona edit";
    }

    @Override
    public Persona load(Caller caller, String id) {
        return useCases.viewingPersonas().owned(caller.actor(), PersonaCommand.uuid(id));
    }

    @Override
    public String id(Persona p) {
        return p.id().toString();
    }

    @Override
    public String name(Persona p) {
        return p.name();
    }

    @Override
    public String title(Persona p) {
        return "👤 Persona: " + p.name();
    }

    @Override
    public String description(Caller caller, Persona p) {
        return (isDefault(caller, p) ? "⭐ Your default persona" : "One of your personas")
                + ": characters know you by it. Only you can see it.";
    }

    @Override
    public List<Section> sections(Caller caller, Persona p) {
        return List.of(new Section("info", "📝 Persona Info", PersonaFields.TEXT.stream()
                .map(f -> new Field(f.name(), f.label(), value(p, f.name()), Math.min(f.max(), 4000),
                        f.lines() == TextRules.Lines.MULTI, f.required())).toList()));
    }

    @Override
    public Persona save(Caller caller, String id, String sectionId, Map<String, String> values) {
        return useCases.editingPersonas().edit(caller.actor(), PersonaCommand.uuid(id), in -> new PersonaInput(
                values.get("name"), values.get("content"), values.get("description"), values.get("preferredName"),
                values.get("pronouns"), in.shareLtmAcrossPersonalities()));
    }

    @Override
    public Optional<String> deletionWarning(Caller caller, Persona p) {
        return isDefault(caller, p) ? Optional.empty() : Optional.of("Deleting the persona **" + p.name()
                + "** removes it and every per-character choice of it.");
    }

    @Override
    public String delete(Caller caller, String id) {
        Persona p = load(caller, id);
        useCases.editingPersonas().delete(caller.actor(), p.id());
        return "🗑️ The persona **" + p.name() + "** was deleted.";
    }

    private boolean isDefault(Caller caller, Persona p) {
        return useCases.viewingPersonas().defaultId(caller.actor()).map(p.id()::equals).orElse(false);
    }

    private static String value(Persona p, String field) {
        return switch (field) {
            case "name" -> p.name();
            case "content" -> p.content();
            case "description" -> p.description();
            case "preferredName" -> p.preferredName();
            case "pronouns" -> p.pronouns();
            default -> throw new IllegalArgumentException(field);
        };
    }
}
