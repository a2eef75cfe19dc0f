package io.tzurot.core.preset;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Creates, changes and deletes presets: only the bot owner makes a preset global (or private again); a
 * taken name is a conflict on {@code name}; the system default must stay global, and a preset in use or the
 * system default cannot be deleted (conflict).
 */
public final class EditingPresets {

    private final PresetRepository presets;
    private final ViewingPresets viewing;

    public EditingPresets(PresetRepository presets, ViewingPresets viewing) {
        this.presets = Objects.requireNonNull(presets, "presets");
        this.viewing = Objects.requireNonNull(viewing, "viewing");
    }

    /** Whether the caller may make presets global or private again: the bot owner only. */
    public static boolean mayChooseGlobal(Actor actor) {
        return actor.owner();
    }

    /**
     * Checks a new preset without storage: forbidden when a non-owner asks for a global one, then the fields.
     * Faces may call it early (e.g. before storage is ready); {@link #create} applies it again.
     */
    public static void checkNew(Actor actor, PresetInput input) {
        if (input.isGlobal() && !mayChooseGlobal(actor)) {
            throw DomainException.forbidden("Only the bot owner may create global presets.");
        }
        PresetFields.draft(input);
    }

    /** Creates a preset owned by the caller. */
    public Preset create(Actor actor, PresetInput input) {
        checkNew(actor, input);
        PresetDraft draft = PresetFields.draft(input);
        try {
            return presets.create(actor.userId(), draft);
        } catch (PresetNameTakenException e) {
            throw nameTaken(draft.name());
        }
    }

    /** Applies {@code change} to a preset the caller may change (not found, forbidden, then the values). */
    public Preset edit(Actor actor, UUID id, UnaryOperator<PresetInput> change) {
        Preset current = viewing.editable(actor, id);
        PresetInput wanted = change.apply(PresetInput.of(current));
        if (wanted.isGlobal() != current.isGlobal() && !mayChooseGlobal(actor)) {
            throw DomainException.forbidden("Only the bot owner may make presets global or private.");
        }
        PresetDraft draft = PresetFields.draft(wanted);
        try {
            return presets.update(current.id(), draft).orElseThrow(() -> DomainException.notFound("Preset " + id));
        } catch (PresetNameTakenException e) {
            throw nameTaken(draft.name());
        } catch (IllegalArgumentException e) {
            // the system or free default would stop being global (or free)
            throw DomainException.conflict("isGlobal", e.getMessage());
        }
    }

    /** Deletes a preset the caller may change. */
    public Preset delete(Actor actor, UUID id) {
        Preset p = viewing.editable(actor, id);
        switch (presets.delete(p.id())) {
            case DELETED -> { }
            case NOT_FOUND -> throw DomainException.notFound("Preset " + p.id());
            case IS_SYSTEM_DEFAULT -> throw DomainException.conflict("id",
                    "This is the system default preset; make another preset the default first.");
            case IN_USE -> throw DomainException.conflict("id",
                    "A personality or a per-personality choice still uses this preset; change those first.");
        }
        return p;
    }

    private static DomainException nameTaken(String name) {
        return DomainException.conflict("name", "A preset named '" + name + "' already exists; choose another name.");
    }
}
