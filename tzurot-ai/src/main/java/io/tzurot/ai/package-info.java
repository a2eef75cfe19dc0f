/**
 * Model adapters built on LangChain4j: the OpenAI-compatible chat client (OpenRouter, Ollama, ...),
 * in-process BGE-small embeddings, vision descriptions, voice transcription and token counting.
 */
package io.tzurot.ai;
