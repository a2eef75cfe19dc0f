package io.tzurot.core.preset;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: presets (llm_configs) and the two singleton flags, system default and free default. */
public interface PresetRepository {

    /**
     * Creates a preset with id v5 {@code llm_config:{name}}.
     *
     * @throws PresetNameTakenException when the name was used before
     */
    Preset create(UUID ownerId, PresetDraft draft);

    /**
     * Replaces the fields (a new name keeps the id); empty when not found.
     *
     * @throws PresetNameTakenException when another preset has the new name
     * @throws IllegalArgumentException when the system or free default would stop being global (or free)
     */
    Optional<Preset> update(UUID presetId, PresetDraft draft);

    Optional<Preset> findById(UUID presetId);

    /** Global presets and the user's own, globals first, then by name. */
    List<Preset> listSelectableBy(UUID userId);

    /** The global preset flagged as system default. */
    Optional<Preset> findSystemDefault();

    /** The global preset used in guest mode. */
    Optional<Preset> findFreeDefault();

    /**
     * Makes this global preset the only system default.
     *
     * @throws IllegalArgumentException when it is missing or not global
     */
    void setSystemDefault(UUID presetId);

    /**
     * Makes this global {@code :free} preset the only free default.
     *
     * @throws IllegalArgumentException when it is missing, not global or its model does not end in {@code :free}
     */
    void setFreeDefault(UUID presetId);

    /** Deletes unless it is the system default or still referenced. */
    PresetDeletion delete(UUID presetId);
}
