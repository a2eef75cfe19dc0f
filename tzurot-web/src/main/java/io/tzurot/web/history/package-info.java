/**
 * Short-term history over HTTP: {@code GET /api/v1/history?personality&channelId&persona&limit},
 * {@code POST /api/v1/history/clear} and {@code POST /api/v1/history/undo} with {@code {personality, persona?}}
 * (non-destructive epochs, one undo; 409 when there is nothing to undo).
 */
package io.tzurot.web.history;
