package io.tzurot.core.card;

/** An exported file: its suggested name, media type and bytes. */
public record ExportedFile(String fileName, String mediaType, byte[] bytes) {
}
