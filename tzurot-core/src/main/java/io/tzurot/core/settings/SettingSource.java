package io.tzurot.core.settings;

/** The tier a resolved setting came from, lowest to highest. */
public enum SettingSource {
    HARDCODED("hardcoded"),
    ADMIN("admin"),
    PERSONALITY("personality"),
    /** The Discord channel's tier (a thread follows its parent), set by the channel's moderators. */
    CHANNEL("channel"),
    USER_DEFAULT("user-default"),
    USER_PERSONALITY("user-personality");

    private final String wireName;

    SettingSource(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in API responses and dashboards. */
    public String wireName() {
        return wireName;
    }
}
