package io.tzurot.core.model;

/** The {@code response_format.type} a preset may request. */
public enum ResponseFormat {
    TEXT("text"),
    JSON_OBJECT("json_object");

    private final String wireName;

    ResponseFormat(String wireName) {
        this.wireName = wireName;
    }

    /** The type's name in request bodies. */
    public String wireName() {
        return wireName;
    }
}
