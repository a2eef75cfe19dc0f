package io.tzurot.core.webchannel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: web channels and their owners. */
public interface WebChannelRepository {

    /** The channel with this id, whoever owns it. */
    Optional<WebChannel> find(String id);

    /** The owner's default channel. */
    Optional<WebChannel> findDefault(UUID ownerId);

    /** The owner's channels, oldest first. */
    List<WebChannel> listByOwner(UUID ownerId);

    /** How many channels the owner has. */
    int countByOwner(UUID ownerId);

    /**
     * Stores the channel; false (nothing written) when its id is taken, or when it is a default and the owner
     * already has one, so competing callers can read the winner back.
     */
    boolean insert(WebChannel channel);

    /** Whether any conversation history was written in this channel (true for channels older than ownership). */
    boolean hasHistory(String channelId);
}
