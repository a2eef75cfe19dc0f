/**
 * Ports and records for calls to models: chat completion (OpenAI-compatible), embeddings, image
 * description and voice transcription, with a closed set of model errors and their user-facing messages.
 */
package io.tzurot.core.model;
