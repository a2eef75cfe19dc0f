/** In-process BGE-small embeddings (ONNX inside the jar, no network). */
package io.tzurot.ai.embedding;
