package io.tzurot.core.webchannel;

/**
 * A channel the caller may not use: unknown, someone else's, or a Discord channel. One error for all three,
 * so an answer never tells which.
 */
public final class ChannelNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String channelId;

    public ChannelNotFoundException(String channelId) {
        super("Channel " + shown(channelId) + " was not found.", null, false, false);
        this.channelId = channelId;
    }

    /** The id as asked for (possibly malformed: shorten before showing). */
    public String channelId() {
        return channelId;
    }

    private static String shown(String id) {
        return id.length() > 64 ? id.substring(0, 64) + "…" : id;
    }
}
