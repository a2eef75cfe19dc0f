package io.tzurot.web.chat;

import io.tzurot.core.reply.ReplyStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web reply's text while it is written: what was streamed so far (for a reader who joins late) and the readers
 * following it now. The engine writes through {@link ReplyStream}; readers {@link #follow} it.
 */
public final class ReplyDeltas implements ReplyStream {

    /** A reader of the stream; called in order, one call at a time, and must return quickly. */
    public interface Reader {
        /** {@code text} follows what was read before. */
        void delta(String text);

        /** Everything read before is withdrawn; {@code text} is the text now. */
        void reset(String text);
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Reader> readers = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void delta(String piece) {
        text.append(piece);
        for (Reader reader : readers) {
            reader.delta(piece);
        }
    }

    @Override
    public synchronized void reset(String now) {
        text.setLength(0);
        text.append(now);
        for (Reader reader : readers) {
            reader.reset(now);
        }
    }

    /** The text streamed so far. */
    public synchronized String text() {
        return text.toString();
    }

    /**
     * Starts following: {@code reader} first gets the text so far as one delta (when there is any), then every
     * change, with nothing lost or doubled in between. Returns what stops the following.
     */
    public synchronized Runnable follow(Reader reader) {
        Objects.requireNonNull(reader, "reader");
        if (text.length() > 0) {
            reader.delta(text.toString());
        }
        readers.add(reader);
        return () -> readers.remove(reader);
    }
}
