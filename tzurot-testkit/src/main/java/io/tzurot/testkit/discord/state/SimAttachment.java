package io.tzurot.testkit.discord.state;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a message, kept in memory and served by the simulator's attachment route. A voice message's
 * recording has {@code durationSecs > 0} (Discord then sends {@code duration_secs} and {@code waveform}).
 */
public record SimAttachment(long id, String filename, String contentType, byte[] data, double durationSecs) {

    /** An ordinary file (not a voice recording). */
    public SimAttachment(long id, String filename, String contentType, byte[] data) {
        this(id, filename, contentType, data, 0);
    }

    public SimAttachment {
        if (durationSecs < 0 || Double.isNaN(durationSecs)) {
            throw new IllegalArgumentException("durationSecs must be 0 (not a voice message) or positive");
        }
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

    public boolean voiceMessage() {
        return durationSecs > 0;
    }

    /** Records compare arrays by identity; attachments are equal when their bytes are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SimAttachment a && id == a.id && filename.equals(a.filename)
                && contentType.equals(a.contentType) && Arrays.equals(data, a.data) && durationSecs == a.durationSecs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, filename, contentType, Arrays.hashCode(data), durationSecs);
    }

    @Override
    public String toString() {
        return "SimAttachment[id=" + id + ", filename=" + filename + ", contentType=" + contentType + ", size="
                + data.length + "]";
    }
}
