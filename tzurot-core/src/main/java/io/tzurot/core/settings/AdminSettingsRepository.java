package io.tzurot.core.settings;

import java.util.UUID;

/** Port: the singleton admin settings row. */
public interface AdminSettingsRepository {

    /** The row, created with empty defaults when it does not exist yet. */
    AdminSettings get();

    /** Replaces the admin tier; an empty tier is stored as no document. */
    AdminSettings setConfigDefaults(ConfigOverrides configDefaults, UUID updatedBy);
}
