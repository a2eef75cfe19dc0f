package io.tzurot.core.speaking;

import java.util.List;
import java.util.Set;

/** Port: each server's speaking mode and listed channels, and the ghost channels. */
public interface SpeakingPlacesRepository {

    /** The server's policy; {@link SpeakingPolicy#everywhere} when it never chose. */
    SpeakingPolicy policy(String guildId);

    /** Sets the server's mode, keeping its listed channels. */
    SpeakingPolicy setMode(String guildId, SpeakingMode mode, String changedBy);

    /** Replaces the server's mode and listed channels at once (all or nothing). */
    SpeakingPolicy replace(String guildId, SpeakingMode mode, Set<String> channels, String changedBy);

    /** Lists a channel; false when it was listed already. */
    boolean addChannel(String guildId, String channelId);

    /** Unlists a channel; false when it was not listed. */
    boolean removeChannel(String guildId, String channelId);

    /** True when the bot only listens in this channel (records, never posts). */
    boolean isGhost(String channelId);

    /** Turns ghost mode on or off; false when it already was so. */
    boolean setGhost(String guildId, String channelId, boolean ghost, String changedBy);

    /** The server's ghost channels, in id order. */
    List<String> ghostChannels(String guildId);
}
