package io.tzurot.core.model;

import java.util.Objects;

/** Audio bytes to transcribe, with a file name (its extension tells the provider the format). */
public record AudioClip(byte[] bytes, String fileName, String mimeType) {

    public AudioClip {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length == 0) {
            throw new IllegalArgumentException("audio must not be empty");
        }
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("fileName must not be blank");
        }
        Objects.requireNonNull(mimeType, "mimeType");
    }

    @Override
    public String toString() {
        return "AudioClip[" + fileName + ", " + mimeType + ", " + bytes.length + " bytes]";
    }
}
