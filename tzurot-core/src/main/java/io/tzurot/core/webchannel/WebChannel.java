package io.tzurot.core.webchannel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A web conversation channel and the user it belongs to.
 *
 * @param isDefault whether it is the channel the owner's chat uses when they name none (one per owner)
 */
public record WebChannel(String id, UUID ownerId, boolean isDefault, Instant createdAt) {

    public WebChannel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (id.isEmpty() || id.length() > WebChannelIds.MAX_LENGTH) {
            throw new IllegalArgumentException("a web channel id is 1-" + WebChannelIds.MAX_LENGTH + " characters");
        }
    }
}
