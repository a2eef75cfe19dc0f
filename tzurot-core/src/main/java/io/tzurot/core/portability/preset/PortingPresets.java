package io.tzurot.core.portability.preset;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.preset.EditingPresets;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.core.preset.ViewingPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Preset files in and out: export and template in the reference's JSON, import from that JSON or from a
 * SillyTavern chat-completion preset. Only a preset's creator and the bot owner export it (as the
 * reference); an import always creates a new private preset of the caller, through the same checks as
 * any create, so a bad file saves nothing.
 */
public final class PortingPresets {

    /** Which kind of file an import read. */
    public enum FileFormat {
        /** The reference system's preset JSON. */
        TZUROT,
        /** A SillyTavern chat-completion preset. */
        SILLYTAVERN
    }

    /**
     * What an import did.
     *
     * @param ignored keys of the file that were not used, as dotted paths, sorted
     * @param notes   values that were read but have no meaning here, in words
     */
    public record Imported(Preset preset, FileFormat format, List<String> ignored, List<String> notes) {
        public Imported {
            ignored = List.copyOf(ignored);
            notes = List.copyOf(notes);
        }
    }

    private final ViewingPresets viewing;
    private final EditingPresets editing;

    public PortingPresets(ViewingPresets viewing, EditingPresets editing) {
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.editing = Objects.requireNonNull(editing, "editing");
    }

    /** The reference JSON of a preset the caller may change. */
    public Map<String, Object> export(Actor actor, UUID id) {
        return ReferencePresetJson.of(viewing.editable(actor, id));
    }

    /** A preset file to fill in. */
    public static Map<String, Object> templateJson() {
        return ReferencePresetJson.template();
    }

    /**
     * Creates a preset from a parsed file: SillyTavern's when it has one of its own keys, else the reference's.
     *
     * @param name  the new preset's name; for the reference format it replaces the file's (e.g. to avoid a taken
     *              name), for SillyTavern's (whose name is its file name) it is needed unless the file has one
     * @param model replaces the file's model
     * @param fileName the uploaded file's name without extension: a SillyTavern file's name when none is given
     */
    public Imported importFile(Actor actor, Map<String, Object> json, Optional<String> name, Optional<String> model,
                               Optional<String> fileName) {
        Objects.requireNonNull(json, "json");
        List<String> ignored = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        FileFormat format = SillyTavernPresetJson.matches(json) ? FileFormat.SILLYTAVERN : FileFormat.TZUROT;
        PresetInput input;
        if (format == FileFormat.SILLYTAVERN) {
            input = SillyTavernPresetJson.read(json, name, fileName, model, ignored, notes);
        } else {
            if (!json.containsKey("model") && model.isEmpty()) {
                throw DomainException.invalid("file", "This is neither a Tzurot preset file (it has no 'model') nor a"
                        + " SillyTavern chat-completion preset (none of its keys such as 'openai_max_tokens').");
            }
            Map<String, Object> effective = new java.util.LinkedHashMap<>(json);
            name.filter(n -> !n.isBlank()).ifPresent(n -> effective.put("name", n));
            model.filter(m -> !m.isBlank()).ifPresent(m -> effective.put("model", m));
            input = ReferencePresetJson.read(effective, ignored);
        }
        Preset created = editing.create(actor, input.withGlobal(false));
        return new Imported(created, format, ReferencePresetJson.sorted(ignored), notes);
    }
}
