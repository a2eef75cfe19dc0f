package io.tzurot.app.wiring;

import io.tzurot.core.model.EmbeddingModel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Loads the in-process embedding model on first use (it takes a second or two), so start-up stays fast and a
 * process that never embeds never loads native code. One model per process: it is large, thread-safe and
 * native, so every engine of the JVM shares {@link #shared}.
 */
final class LazyEmbeddingModel implements EmbeddingModel {

    private static volatile LazyEmbeddingModel shared;

    /** The process's BGE-small model, loading from the first call on. */
    static LazyEmbeddingModel shared(Supplier<EmbeddingModel> loader) {
        LazyEmbeddingModel model = shared;
        if (model == null) {
            synchronized (LazyEmbeddingModel.class) {
                model = shared;
                if (model == null) {
                    model = new LazyEmbeddingModel(loader);
                    shared = model;
                }
            }
        }
        return model;
    }

    private final CompletableFuture<EmbeddingModel> model;

    private final Supplier<EmbeddingModel> loader;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();

    LazyEmbeddingModel(Supplier<EmbeddingModel> loader) {
        this.loader = loader;
        this.model = new CompletableFuture<>();
    }

    /** Starts loading (once) on a thread of its own; a process that never embeds never loads the native model. */
    private void startLoading() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                model.complete(loader.get());
            } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
            }
        }, "embedding-model-load");
        // not a daemon: the JVM must not exit while native code is half-way through loading the model
        thread.setDaemon(false);
        thread.start();
    }

    /**
     * Waits (bounded) until a load that has started is finished. Shutdown calls this: the JVM must not tear down
     * while the native runtime is still initialising, or it crashes on the way out.
     */
    static void settle(java.time.Duration timeout) {
        LazyEmbeddingModel model = shared;
        if (model == null || !model.started.get()) {
            return;
        }
        try {
            model.model.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a failed or slow load has nothing more to wait for
        }
    }

    @Override
    public float[] embed(String text) {
        startLoading();
        return model.join().embed(text);
    }
}
