package io.tzurot.core.reply;

import java.util.Objects;

/**
 * Models used for attachments when the preset names none (pipeline.md §10): the vision fallback for users with
 * their own key, the free one for guests, and the transcription model.
 */
public record MediaSettings(String visionFallbackModel, String guestVisionModel, String transcriptionModel) {

    public static final MediaSettings DEFAULTS = new MediaSettings("qwen/qwen3-vl-235b-a22b-instruct",
            "qwen/qwen-2.5-vl-7b-instruct:free", "whisper-1");

    public MediaSettings {
        Objects.requireNonNull(visionFallbackModel, "visionFallbackModel");
        Objects.requireNonNull(guestVisionModel, "guestVisionModel");
        Objects.requireNonNull(transcriptionModel, "transcriptionModel");
    }
}
