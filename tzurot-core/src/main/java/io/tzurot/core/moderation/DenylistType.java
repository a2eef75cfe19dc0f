package io.tzurot.core.moderation;

/** What kind of Discord entity a denylist entry names: a user, a whole server, or one channel (and its threads). */
public enum DenylistType {
    USER, GUILD, CHANNEL
}
