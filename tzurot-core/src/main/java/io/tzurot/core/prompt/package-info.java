/**
 * Prompt assembly for the reply engine: the XML-ish system prompt and human message, escaping of user text,
 * the token budget for memories and history, and the long-term-memory search query.
 */
package io.tzurot.core.prompt;
