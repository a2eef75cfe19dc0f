package io.tzurot.testkit.discord.state;

/** What a permission overwrite applies to; the ordinal order matches Discord's {@code type} codes. */
public enum OverwriteTarget {
    ROLE(0),
    MEMBER(1);

    private final int code;

    OverwriteTarget(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
