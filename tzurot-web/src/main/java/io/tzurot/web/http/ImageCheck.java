package io.tzurot.web.http;

import java.util.Optional;

/**
 * Avatar uploads are checked by content, not by name or declared type: PNG, JPEG, WebP or GIF by their
 * magic bytes, at most {@link #MAX_BYTES}.
 */
public final class ImageCheck {

    /** Largest accepted image: 8 MB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    /** The accepted image formats and their media types. */
    public enum ImageType {
        PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp"), GIF("image/gif");

        private final String mediaType;

        ImageType(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }
    }

    private ImageCheck() {
    }

    /**
     * The image's type when {@code bytes} is an accepted image.
     *
     * @throws ApiException 413 when larger than 8 MB, 400 naming {@code field} when empty or not PNG, JPEG, WebP or GIF
     */
    public static ImageType require(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest(field, "'" + field + "' is empty; expected a PNG, JPEG, WebP or GIF image.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(413, "payload_too_large", "'" + field + "' is " + bytes.length
                    + " bytes; images may be at most 8 MB (" + MAX_BYTES + " bytes).", field);
        }
        return detect(bytes).orElseThrow(() -> ApiException.badRequest(field,
                "'" + field + "' is not a PNG, JPEG, WebP or GIF image (checked by its content)."));
    }

    /** Detects the format from the first bytes. */
    public static Optional<ImageType> detect(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(ImageType.PNG);
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(ImageType.JPEG);
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(ImageType.WEBP);
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 0, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of(ImageType.GIF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
