package io.tzurot.core.reply;

/**
 * Receives a reply's visible text while the model writes it: only text that post-processing keeps (see
 * {@link io.tzurot.core.response.StreamingReplyText}). The outcome stays the final word: its content is what the
 * reply is, whatever was streamed. Calls come one after another from the engine's threads; an implementation must
 * return quickly.
 */
public interface ReplyStream {

    /** A stream that ignores everything. */
    ReplyStream NONE = new ReplyStream() {
        @Override
        public void delta(String text) {
            // ignored
        }

        @Override
        public void reset(String text) {
            // ignored
        }
    };

    /** {@code text} follows what was sent before. */
    void delta(String text);

    /** Everything sent before is withdrawn; {@code text} (possibly empty) is the visible text now. */
    void reset(String text);
}
