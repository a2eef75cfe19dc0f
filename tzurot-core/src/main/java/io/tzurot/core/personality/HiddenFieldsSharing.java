package io.tzurot.core.personality;

import java.util.UUID;

/**
 * Port: whether a character's owner shares its hidden fields (the system prompt) in the diagnostic records of
 * other users' replies. Off unless the owner turns it on.
 */
public interface HiddenFieldsSharing {

    /** Whether the character shares them; false for an unknown character. */
    boolean isShared(UUID personalityId);

    /** Turns sharing on or off; false when the character does not exist. */
    boolean setShared(UUID personalityId, boolean shared);
}
