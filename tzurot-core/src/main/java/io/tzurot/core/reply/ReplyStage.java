package io.tzurot.core.reply;

import java.util.Locale;

/** The stages of one reply, in the order they run; the model-facing three repeat on each attempt. */
public enum ReplyStage {
    RESOLVE, HISTORY, ATTACHMENTS, MEMORY, PROMPT, MODEL, POSTPROCESS, RECORD;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The stage's name in flight records and metrics ({@code resolve}, {@code postprocess}, ...). */
    public String label() {
        return label;
    }
}
