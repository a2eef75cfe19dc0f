package io.tzurot.discord.character;

import io.tzurot.discord.choices.CharacterChoices;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityFields;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.dashboard.DashboardSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The character dashboard (spec §2.2): Identity & Basics, Biography & Appearance, Preferences, Conversation, and
 * for the bot owner Admin (the slug); the visibility toggle; delete for those who may edit. Every load and save
 * goes through the management use cases, which refuse whoever may not edit.
 */
final class CharacterDashboard implements DashboardSpec<Personality> {

    private static final Map<String, List<String>> SECTIONS = Map.of(
            "identity", List.of("name", "displayName", "personalityTraits", "tone", "age"),
            "biography", List.of("characterInfo", "appearance"),
            "preferences", List.of("likes", "dislikes"),
            "conversation", List.of("conversationalGoals", "conversationalExamples", "errorMessage"));
    private static final List<String> ORDER = List.of("identity", "biography", "preferences", "conversation");
    private static final Map<String, String> LABELS = Map.of("identity", "🏷️ Identity & Basics",
            "biography", "📖 Biography & Appearance", "preferences", "❤️ Preferences", "conversation", "💬 Conversation",
            "admin", "⚙️ Admin");

    private final ManagementUseCases useCases;

    CharacterDashboard(ManagementUseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public String prefix() {
        return "character";
    }

    @Override
    public String command() {
        return "/character edit";
    }

    @Override
    public Personality load(Caller caller, String slug) {
        return useCases.viewingPersonalities().editable(caller.actor(), slug);
    }

    @Override
    public String id(Personality p) {
        return p.slug();
    }

    @Override
    public String name(Personality p) {
        return p.shownName();
    }

    @Override
    public String title(Personality p) {
        return "📝 Editing: " + p.shownName();
    }

    @Override
    public String description(Caller caller, Personality p) {
        return CharacterChoices.badge(p) + (p.isPublic() ? " **Public**: anyone may talk to it" : " **Private**: only"
                + " you (and the bot owner) may talk to it") + "\nSlug: `" + p.slug() + "`";
    }

    @Override
    public List<Section> sections(Caller caller, Personality p) {
        List<Section> sections = new ArrayList<>();
        for (String id : ORDER) {
            sections.add(new Section(id, LABELS.get(id), SECTIONS.get(id).stream().map(name -> field(p, name)).toList()));
        }
        if (caller.botOwner()) {
            sections.add(new Section("admin", LABELS.get("admin"),
                    List.of(new Field("slug", "Slug", p.slug(), 50, false, true))));
        }
        return sections;
    }

    @Override
    public List<Action> actions(Caller caller, Personality p) {
        return List.of(p.isPublic()
                ? new Action("visibility", "🔒 Make private", "Only you (and the bot owner) may talk to it")
                : new Action("visibility", "🌐 Make public", "Anyone may find it, talk to it and activate it"));
    }

    @Override
    public Personality save(Caller caller, String slug, String sectionId, Map<String, String> values) {
        return useCases.editingPersonality().edit(caller.actor(), slug, input -> {
            PersonalityInput changed = input;
            for (Map.Entry<String, String> value : values.entrySet()) {
                changed = value.getKey().equals("slug") ? changed.withSlug(value.getValue())
                        : changed.with(value.getKey(), value.getValue());
            }
            return changed;
        });
    }

    @Override
    public Personality act(Caller caller, String slug, String actionId, ComponentCall call) {
        if (!actionId.equals("visibility")) {
            throw new IllegalArgumentException("no action " + actionId);
        }
        Personality current = load(caller, slug);
        return useCases.editingPersonality().setPublic(caller.actor(), slug, !current.isPublic());
    }

    @Override
    public Optional<String> deletionWarning(Caller caller, Personality p) {
        return useCases.viewingPersonalities().mayEdit(caller.actor(), p)
                ? Optional.of("Deleting **" + p.shownName() + "** removes it for everyone: its profile, avatar and"
                        + " aliases, its channel activations, and the conversation history and memories stored with it.")
                : Optional.empty();
    }

    @Override
    public String delete(Caller caller, String slug) {
        Personality deleted = useCases.deletingPersonality().delete(caller.actor(), slug);
        return "🗑️ **" + deleted.shownName() + "** was deleted.";
    }

    private static Field field(Personality p, String name) {
        PersonalityFields.Field f = PersonalityFields.field(name);
        String value = Optional.ofNullable(f.read().apply(p)).orElse("");
        return new Field(name, f.label(), value, f.max(), f.lines() == io.tzurot.core.text.TextRules.Lines.MULTI,
                f.required());
    }
}
