package io.tzurot.discord.preset;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.preset.EditingPresets;
import io.tzurot.core.preset.Preset;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.ComponentCall;
import io.tzurot.discord.dashboard.DashboardSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The preset dashboard (spec §2.1): Identity, Core Sampling, Advanced, Context Window and Reasoning; for the bot
 * owner the Make Global / Make Private action; Delete for those who may edit. Loading, saving and deleting go
 * through the same preset use cases as the web API, which refuse whoever may not edit (creator or bot owner).
 */
final class PresetDashboard implements DashboardSpec<Preset> {

    private final ManagementUseCases useCases;

    PresetDashboard(ManagementUseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public String prefix() {
        return "preset";
    }

    @Override
    public String command() {
        return "/preset edit";
    }

    @Override
    public Preset load(Caller caller, String id) {
        return useCases.viewingPresets().editable(caller.actor(), uuid(id));
    }

    @Override
    public String id(Preset p) {
        return p.id().toString();
    }

    @Override
    public String name(Preset p) {
        return p.name();
    }

    @Override
    public String title(Preset p) {
        return "⚙️ Preset: " + p.name();
    }

    @Override
    public String description(Caller caller, Preset p) {
        return (p.isGlobal() ? "🌐 **Global**: everyone may use it" : "🔒 **Private**: only you may use it")
                + (p.model().endsWith(":free") ? " · 🆓 free model" : "") + "\nModel: `" + p.model() + "`";
    }

    @Override
    public List<Section> sections(Caller caller, Preset p) {
        return PresetSections.of(p);
    }

    @Override
    public List<Action> actions(Caller caller, Preset p) {
        if (!EditingPresets.mayChooseGlobal(caller.actor())) {
            return List.of();
        }
        return List.of(p.isGlobal() ? new Action("toggle-global", "🔒 Make Private", "Only its creator may use it")
                : new Action("toggle-global", "🌐 Make Global", "Everyone may use it"));
    }

    @Override
    public Preset save(Caller caller, String id, String sectionId, Map<String, String> values) {
        return useCases.editingPresets().edit(caller.actor(), uuid(id),
                input -> PresetSections.apply(input, sectionId, values));
    }

    @Override
    public Preset act(Caller caller, String id, String actionId, ComponentCall call) {
        if (!actionId.equals("toggle-global")) {
            throw new IllegalArgumentException("no action " + actionId);
        }
        return useCases.editingPresets().edit(caller.actor(), uuid(id), input -> input.withGlobal(!input.isGlobal()));
    }

    @Override
    public Optional<String> deletionWarning(Caller caller, Preset p) {
        return useCases.viewingPresets().mayEdit(caller.actor(), p) ? Optional.of("Deleting **" + p.name()
                + "** removes it for everyone who chose it; a preset still in use must be replaced first.")
                : Optional.empty();
    }

    @Override
    public String delete(Caller caller, String id) {
        return "🗑️ **" + useCases.editingPresets().delete(caller.actor(), uuid(id)).name() + "** was deleted.";
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw DomainException.notFound("Preset '" + id + "'");
        }
    }
}
