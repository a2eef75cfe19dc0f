package io.tzurot.core.model;

import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/** One part of a chat message: text or an image. */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image {

    /** A text part. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An image given by an http(s) URL or a {@code data:} URL with base64 bytes; {@code detail} is the
     * OpenAI detail hint (low, high, auto) or null for the provider's default.
     */
    record Image(String url, String detail) implements ContentPart {
        public Image {
            Objects.requireNonNull(url, "url");
            String lower = url.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("data:image/"))) {
                throw new IllegalArgumentException("image url must be http(s) or a data:image/... URL");
            }
            if (detail != null && !(detail.equals("low") || detail.equals("high") || detail.equals("auto"))) {
                throw new IllegalArgumentException("image detail must be low, high or auto, was " + detail);
            }
        }

        /** An image at an http(s) URL, default detail. */
        public static Image ofUrl(String url) {
            return new Image(url, null);
        }

        /** An image sent inline as a base64 data URL. */
        public static Image ofBytes(byte[] bytes, String mimeType) {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(mimeType, "mimeType");
            if (!mimeType.startsWith("image/")) {
                throw new IllegalArgumentException("mimeType must be image/*, was " + mimeType);
            }
            return new Image("data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes), null);
        }

        /** Whether the image travels inline rather than by URL. */
        public boolean isInline() {
            return url.regionMatches(true, 0, "data:", 0, 5);
        }

        @Override
        public String toString() {
            // inline images would flood logs with base64
            return "Image[" + (isInline() ? "inline, " + url.length() + " chars" : url) + "]";
        }
    }
}
