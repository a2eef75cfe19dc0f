package io.tzurot.testkit.discord.state;

import java.util.Objects;

/**
 * A sticker sent with a message (Discord's {@code sticker_items}: id, name, format); {@code description} is what
 * {@code GET /stickers/{id}} tells about it (empty when it has none).
 */
public record SimSticker(long id, String name, String description) {

    /** A sticker without a description. */
    public SimSticker(long id, String name) {
        this(id, name, "");
    }

    public SimSticker {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
