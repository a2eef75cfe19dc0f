package io.tzurot.core.reply;

import io.tzurot.core.model.ModelStream;
import io.tzurot.core.response.ResponsePostProcessor;
import io.tzurot.core.response.StreamingReplyText;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one reply's visible text to its {@link ReplyStream} across the model attempts: each attempt's pieces go
 * through {@link StreamingReplyText}, and a new attempt (or a provider retry inside one) withdraws what the last one
 * showed. Pieces arrive on the HTTP client's threads, attempts on the engine's: every step holds this object's lock.
 */
final class AttemptStream {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptStream.class);
    /** Characters of a first line held back beyond the longest name, so a name label is never streamed. */
    static final int HELD_AFTER_NAME = 12;

    private final ReplyStream out;
    private final StreamingReplyText text;

    AttemptStream(ReplyStream out, ResponsePostProcessor post, int longestName) {
        this.out = Objects.requireNonNull(out, "out");
        this.text = new StreamingReplyText(post, longestName + HELD_AFTER_NAME);
    }

    /** The model stream of the next attempt; withdraws what an earlier attempt showed. */
    synchronized ModelStream nextAttempt() {
        text.restart().ifPresent(this::send);
        return new ModelStream() {
            @Override
            public void partial(String piece) {
                synchronized (AttemptStream.this) {
                    text.add(piece).ifPresent(AttemptStream.this::send);
                }
            }

            @Override
            public void restart() {
                synchronized (AttemptStream.this) {
                    text.restart().ifPresent(AttemptStream.this::send);
                }
            }
        };
    }

    private void send(StreamingReplyText.Update update) {
        try {
            if (update instanceof StreamingReplyText.Append append) {
                out.delta(append.text());
            } else {
                out.reset(update.shown());
            }
        } catch (RuntimeException e) {
            LOG.warn("reply stream failed: {}", e.toString()); // a reader's fault must never cost the reply
        }
    }
}
