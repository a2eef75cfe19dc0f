package io.tzurot.core.userdata;

import java.util.UUID;

/** Removes every row of one user from storage, in one transaction. */
public interface UserErasure {

    /** What erasing the user would remove, without removing it. */
    ErasureCounts count(UUID userId);

    /** Erases the user and returns what was removed; all or nothing. */
    ErasureCounts erase(UUID userId);
}
