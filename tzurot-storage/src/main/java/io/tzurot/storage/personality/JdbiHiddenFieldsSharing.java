package io.tzurot.storage.personality;

import io.tzurot.core.personality.HiddenFieldsSharing;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link HiddenFieldsSharing} on the {@code personalities.share_hidden_fields} column. */
public final class JdbiHiddenFieldsSharing implements HiddenFieldsSharing {

    private final Jdbi jdbi;

    public JdbiHiddenFieldsSharing(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean isShared(UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT share_hidden_fields FROM personalities WHERE id = :id")
                .bind("id", personalityId).mapTo(Boolean.class).findOne().orElse(false));
    }

    @Override
    public boolean setShared(UUID personalityId, boolean shared) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE personalities SET share_hidden_fields = :shared WHERE id = :id")
                .bind("shared", shared).bind("id", personalityId).execute()) == 1;
    }
}
