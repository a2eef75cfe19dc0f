package io.tzurot.core.prompt;

import java.util.Objects;

/** What the pipeline learned about one attachment: a vision description, a transcript, or just its name. */
public sealed interface Attachment {

    /** The text a search or a summary should use for this attachment. */
    String text();

    /** The labelled form used in the current turn, e.g. {@code [Image: cat.png]\n{description}}. */
    String labelled();

    /** The one-line form used inside a quoted message, e.g. {@code - Image (cat.png): {description}}. */
    String listLine();

    /** An image and its vision description (or a failure note such as "[vision processing failed]"). */
    record Image(String filename, String description) implements Attachment {
        /** Validates the fields. */
        public Image {
            filename = Objects.requireNonNullElse(filename, "image");
            Objects.requireNonNull(description, "description must not be null");
        }

        @Override
        public String text() {
            return description;
        }

        @Override
        public String labelled() {
            return "[Image: " + filename + "]\n" + description;
        }

        @Override
        public String listLine() {
            return "- Image (" + filename + "): " + description;
        }
    }

    /** A Discord voice message and its transcript. */
    record VoiceMessage(double durationSeconds, String transcript) implements Attachment {
        /** Validates the fields. */
        public VoiceMessage {
            if (durationSeconds < 0 || Double.isNaN(durationSeconds)) {
                throw new IllegalArgumentException("durationSeconds must be >= 0, was " + durationSeconds);
            }
            Objects.requireNonNull(transcript, "transcript must not be null");
        }

        @Override
        public String text() {
            return transcript;
        }

        @Override
        public String labelled() {
            return String.format(java.util.Locale.ROOT, "[Voice message: %.1fs]", durationSeconds) + "\n" + transcript;
        }

        @Override
        public String listLine() {
            return "- Voice Message (" + Math.round(durationSeconds) + "s): \"" + transcript + "\"";
        }
    }

    /** An audio file and its transcript. */
    record Audio(String filename, String transcript) implements Attachment {
        /** Validates the fields. */
        public Audio {
            filename = Objects.requireNonNullElse(filename, "audio");
            Objects.requireNonNull(transcript, "transcript must not be null");
        }

        @Override
        public String text() {
            return transcript;
        }

        @Override
        public String labelled() {
            return "[Audio: " + filename + "]\n" + transcript;
        }

        @Override
        public String listLine() {
            return "- Audio (" + filename + "): \"" + transcript + "\"";
        }
    }

    /** Any other file, known only by name and media type. */
    record File(String filename, String mediaType) implements Attachment {
        /** Validates the fields. */
        public File {
            Objects.requireNonNull(filename, "filename must not be null");
            mediaType = Objects.requireNonNullElse(mediaType, "application/octet-stream");
        }

        @Override
        public String text() {
            return "";
        }

        @Override
        public String labelled() {
            return "[File: " + filename + " (" + mediaType + ")]";
        }

        @Override
        public String listLine() {
            return "- File: " + filename + " (" + mediaType + ")";
        }
    }
}
