package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** A sticker sent with a message (Discord's {@code sticker_items}: id, name, format). */
public record SimSticker(long id, String name) {

    public SimSticker {
        Objects.requireNonNull(name, "name");
    }
}
