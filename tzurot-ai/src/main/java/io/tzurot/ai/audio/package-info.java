/** Voice transcription through an OpenAI-compatible {@code /audio/transcriptions} endpoint. */
package io.tzurot.ai.audio;
