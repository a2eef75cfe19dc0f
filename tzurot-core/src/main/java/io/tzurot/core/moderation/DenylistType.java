package io.tzurot.core.moderation;

/** What kind of Discord entity a denylist entry names. */
public enum DenylistType {
    USER, GUILD
}
