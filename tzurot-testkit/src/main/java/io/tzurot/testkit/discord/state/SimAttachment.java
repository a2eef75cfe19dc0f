package io.tzurot.testkit.discord.state;

import java.util.Objects;

/** A file attached to a message, kept in memory and served by the simulator's attachment route. */
public record SimAttachment(long id, String filename, String contentType, byte[] data) {

    public SimAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(data, "data");
        if (filename.isBlank() || filename.contains("/")) {
            throw new IllegalArgumentException("attachment filename must be a plain non-blank name: " + filename);
        }
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int size() {
        return data.length;
    }
}
