package io.tzurot.app.fleet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.messaging.Broadcast;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.core.reply.ReplyStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries streamed reply text from the worker that writes it to the process that waits for it, on the
 * {@code reply-deltas} broadcast (Redis pub/sub in the fleet). The worker side coalesces: the first piece of a reply
 * goes out at once, later ones at most every {@link #COALESCE}, so a reply costs a handful of publishes however
 * finely the model streams. The outcome still travels on the result stream: a lost delta only costs a smoother
 * display, never the reply. Messages are JSON {@code {"id", "reset", "text"}}.
 */
public final class ReplyDeltaRelay implements AutoCloseable {

    /** The broadcast channel's name. */
    public static final String CHANNEL = "reply-deltas";
    /** Shortest time between two publishes of one reply's text. */
    public static final Duration COALESCE = Duration.ofMillis(50);

    private static final Logger LOG = LoggerFactory.getLogger(ReplyDeltaRelay.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Broadcast broadcast;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reply-deltas");
        t.setDaemon(true);
        return t;
    });

    public ReplyDeltaRelay(Broadcast broadcast) {
        this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
    }

    /** The worker's stream for reply {@code requestId}; {@link Outgoing#flush()} before publishing the outcome. */
    public Outgoing outgoing(String requestId) {
        return new Outgoing(Objects.requireNonNull(requestId, "requestId"));
    }

    /**
     * Passes every received piece to the stream {@code route} names for its reply id (none: not this process's).
     * Every process hears every reply's pieces, so the id is read first, without a JSON parser (the writer puts it
     * first: see {@link #encode}), and the rest is parsed only for a reply this process follows.
     */
    public Subscription incoming(Function<String, ReplyStream> route) {
        return broadcast.subscribe(message -> {
            String id = leadingId(message);
            if (id != null && route.apply(id) == null) {
                return;
            }
            Piece piece;
            try {
                piece = decode(message);
            } catch (IOException | RuntimeException e) {
                LOG.debug("unreadable reply delta dropped: {}", e.getMessage());
                return;
            }
            ReplyStream stream = route.apply(piece.id());
            if (stream == null) {
                return;
            }
            if (piece.reset()) {
                stream.reset(piece.text());
            } else {
                stream.delta(piece.text());
            }
        });
    }

    private record Piece(String id, boolean reset, String text) {
    }

    /** The id of a message written by {@link #encode} when it has no escapes; null when it must be parsed to tell. */
    static String leadingId(String message) {
        String start = "{\"id\":\"";
        if (!message.startsWith(start)) {
            return null;
        }
        int end = message.indexOf('"', start.length());
        if (end < 0) {
            return null;
        }
        String id = message.substring(start.length(), end);
        return id.indexOf('\\') >= 0 ? null : id;
    }

    private static Piece decode(String message) throws IOException {
        String id = "";
        boolean reset = false;
        String text = "";
        try (JsonParser parser = JSON.getFactory().createParser(message)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "id" -> id = value.isScalarValue() ? parser.getValueAsString("") : skip(parser, "");
                    case "reset" -> reset = value == JsonToken.VALUE_TRUE;
                    case "text" -> text = value.isScalarValue() ? parser.getValueAsString("") : skip(parser, "");
                    default -> parser.skipChildren();
                }
            }
        }
        return new Piece(id, reset, text);
    }

    private static String skip(JsonParser parser, String instead) throws IOException {
        parser.skipChildren();
        return instead;
    }

    /** One reply's pieces on their way out, coalesced. */
    public final class Outgoing implements ReplyStream {
        private final String id;
        private final StringBuilder pending = new StringBuilder();
        private String resetTo;
        private boolean scheduled;
        private long lastSent = Long.MIN_VALUE;

        private Outgoing(String id) {
            this.id = id;
        }

        @Override
        public synchronized void delta(String text) {
            pending.append(text);
            schedule();
        }

        @Override
        public synchronized void reset(String text) {
            pending.setLength(0);
            resetTo = text;
            schedule();
        }

        private void schedule() {
            if (scheduled) {
                return;
            }
            scheduled = true;
            long now = System.nanoTime();
            long wait = lastSent == Long.MIN_VALUE ? 0 : Math.max(0, lastSent + COALESCE.toNanos() - now);
            sender.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
        }

        /** Publishes what is waiting now. */
        public synchronized void flush() {
            scheduled = false;
            if (resetTo == null && pending.length() == 0) {
                return;
            }
            lastSent = System.nanoTime();
            try {
                if (resetTo != null) {
                    broadcast.publish(encode(id, true, resetTo));
                    resetTo = null;
                }
                if (pending.length() > 0) {
                    broadcast.publish(encode(id, false, pending.toString()));
                    pending.setLength(0);
                }
            } catch (RuntimeException e) {
                // the final text still arrives with the outcome
                LOG.debug("reply delta of {} not sent: {}", id, e.toString());
                pending.setLength(0);
                resetTo = null;
            }
        }
    }

    private static String encode(String id, boolean reset, String text) {
        return JSON.createObjectNode().put("id", id).put("reset", reset).put("text", text).toString();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
