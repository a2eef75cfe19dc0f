package io.tzurot.core.moderation;

/** What a denylist entry does. */
public enum DenylistMode {
    /** Ignore the entity entirely. */
    BLOCK,
    /** Do not respond to it, but keep its messages in context. */
    MUTE
}
