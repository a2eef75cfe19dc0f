package io.tzurot.core.model;

/** Author of a chat message, as the OpenAI chat format names it. */
public enum Role {
    SYSTEM("system"),
    USER("user"),
    ASSISTANT("assistant");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The role's name in the OpenAI chat format. */
    public String wireName() {
        return wireName;
    }
}
