package io.tzurot.core.card;

import java.util.Objects;

/** A file that came inside a CHARX card besides the card itself, kept for export by its path in the zip. */
public record CardAsset(String path, byte[] content) {

    public CardAsset {
        Objects.requireNonNull(path, "path");
        content = Objects.requireNonNull(content, "content").clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardAsset other && path.equals(other.path) && java.util.Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "CardAsset[" + path + ", " + content.length + " bytes]";
    }
}
