package io.tzurot.web.chat;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one event stream's events in order, off the caller's thread: deltas come from the engine's (or the model
 * client's) threads, which must never wait on a slow reader's socket.
 */
final class SseSender {

    private static final Logger LOG = LoggerFactory.getLogger(SseSender.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sse-send-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final SseClient client;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    SseSender(SseClient client) {
        this.client = client;
    }

    /** Queues one event after the ones before it. */
    synchronized void send(String event, String data) {
        tail = tail.thenRunAsync(() -> client.sendEvent(event, data), WRITERS).exceptionally(this::dropped);
    }

    /** Closes the stream after the queued events. */
    synchronized void close() {
        tail = tail.thenRunAsync(client::close, WRITERS).exceptionally(this::dropped);
    }

    private Void dropped(Throwable error) {
        LOG.debug("event stream write failed (the reader left?): {}", error.toString());
        return null;
    }
}
