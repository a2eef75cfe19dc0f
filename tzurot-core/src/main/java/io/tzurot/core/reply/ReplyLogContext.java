package io.tzurot.core.reply;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.slf4j.MDC;

/**
 * Runs one reply's tasks with its log context: the caller's MDC (e.g. the role that took the job) plus
 * {@code requestId}. The reply hops between pool threads and the HTTP client's, and the MDC is per thread, so
 * each task on the engine's executor sets it and puts back what the thread had.
 */
final class ReplyLogContext implements Executor {

    /** The MDC key of the reply's id. */
    static final String REQUEST_ID = "requestId";

    private final Executor delegate;
    private final Map<String, String> context;

    ReplyLogContext(Executor delegate, String requestId) {
        this.delegate = delegate;
        Map<String, String> caller = MDC.getCopyOfContextMap();
        this.context = caller == null ? new HashMap<>() : new HashMap<>(caller);
        context.put(REQUEST_ID, requestId);
    }

    @Override
    public void execute(Runnable task) {
        delegate.execute(() -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            MDC.setContextMap(context);
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        });
    }
}
