package io.tzurot.ai.chat;

import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParsingHandle;
import java.util.concurrent.Flow;

/**
 * Parses a text/event-stream pushed line by line by the JDK client (no blocking read), shows each data
 * payload to the {@link ResponseTap}, then hands the event to LangChain4j.
 */
final class SseLineSubscriber implements Flow.Subscriber<String> {

    private final ServerSentEventListener listener;
    private final ResponseTap tap;
    private Flow.Subscription subscription;
    private volatile boolean cancelled;
    private String eventName;
    private StringBuilder data;

    SseLineSubscriber(ServerSentEventListener listener, ResponseTap tap) {
        this.listener = listener;
        this.tap = tap;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        tap.onCancel(this::cancel);
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (cancelled) {
            return;
        }
        try {
            accept(line);
        } catch (RuntimeException e) {
            cancel();
            listener.onError(e);
        }
    }

    private void accept(String line) {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return; // comment / keep-alive
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (field.equals("data")) {
            if (data == null) {
                data = new StringBuilder(value);
            } else {
                data.append('\n').append(value);
            }
        } else if (field.equals("event")) {
            eventName = value;
        }
    }

    private void dispatch() {
        if (data == null) {
            eventName = null;
            return;
        }
        String payload = data.toString();
        ServerSentEvent event = new ServerSentEvent(eventName, payload);
        data = null;
        eventName = null;
        tap.observeChunk(payload);
        listener.onEvent(event, new ServerSentEventContext(new Handle()));
    }

    @Override
    public void onError(Throwable error) {
        if (!cancelled) {
            listener.onError(error);
        }
    }

    @Override
    public void onComplete() {
        if (cancelled) {
            return;
        }
        try {
            dispatch();
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        listener.onClose();
    }

    private void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** Lets LangChain4j stop the stream early. */
    private final class Handle implements ServerSentEventParsingHandle {
        @Override public void cancel() { SseLineSubscriber.this.cancel(); }
        @Override public boolean isCancelled() { return cancelled; }
    }
}
