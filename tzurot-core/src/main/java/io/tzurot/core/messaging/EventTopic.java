package io.tzurot.core.messaging;

/** What kind of thing changed, for cache invalidation. */
public enum EventTopic {
    PERSONALITY,
    PERSONA,
    PRESET,
    SETTINGS,
    DENYLIST,
    CHANNEL_ACTIVATION,
    API_KEY,
    LOREBOOK,
    ACCESS_TOKEN,
    USER,
    SPEAKING_PLACES,
    /** Author's notes and users' system-prompt additions. */
    NOTES,
    /** Memory facts. */
    FACTS
}
