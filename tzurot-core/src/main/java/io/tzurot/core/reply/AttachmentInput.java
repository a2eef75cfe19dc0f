package io.tzurot.core.reply;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A file attached to a message, before the engine has looked at it.
 *
 * @param id the platform's attachment id (a cache key when present), may be blank
 * @param url where to fetch it (only from allowed hosts)
 * @param filename its name
 * @param contentType its MIME type, e.g. {@code image/png}, {@code audio/ogg}
 * @param sizeBytes its size as the platform reports it
 * @param voiceMessage true for a platform voice message
 * @param durationSeconds the voice message's length, when known
 */
public record AttachmentInput(String id, String url, String filename, String contentType, long sizeBytes,
                              boolean voiceMessage, OptionalDouble durationSeconds) {

    public AttachmentInput {
        id = id == null ? "" : id;
        Objects.requireNonNull(url, "url");
        filename = filename == null || filename.isBlank() ? "attachment" : filename;
        contentType = contentType == null ? "application/octet-stream" : contentType;
        durationSeconds = Objects.requireNonNullElse(durationSeconds, OptionalDouble.empty());
    }

    public boolean isImage() {
        return contentType.startsWith("image/");
    }

    public boolean isAudio() {
        return voiceMessage || contentType.startsWith("audio/");
    }
}
