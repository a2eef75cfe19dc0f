package io.tzurot.app.wiring;

import io.tzurot.core.model.EmbeddingModel;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Loads the in-process embedding model in the background at start-up (it takes seconds), so the process is
 * healthy at once; the first embedding waits for the load if it is not done yet.
 */
final class LazyEmbeddingModel implements EmbeddingModel {

    private final CompletableFuture<EmbeddingModel> model;

    LazyEmbeddingModel(Supplier<EmbeddingModel> loader) {
        this.model = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                model.complete(loader.get());
            } catch (RuntimeException | Error e) {
                model.completeExceptionally(e);
            }
        }, "embedding-model-load");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public float[] embed(String text) {
        return model.join().embed(text);
    }
}
