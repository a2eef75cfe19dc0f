/**
 * Short-term history over HTTP: {@code GET /api/v1/history?personality&channelId&persona&limit},
 * {@code POST /api/v1/history/clear} and {@code POST /api/v1/history/undo} with {@code {personality, persona?}}
 * (non-destructive epochs, one undo; 409 when there is nothing to undo). The channel is one of the caller's own
 * web channels; any other is 404 like a missing one.
 */
package io.tzurot.web.history;
