/**
 * Chat with a character from the web: the API, the reply tracker and Console → Chat.
 *
 * <p>Entry point: {@link io.tzurot.web.ConversationFeature}, built from a supplier of
 * {@link io.tzurot.web.chat.ConversationServices} (empty while storage opens), a
 * {@link io.tzurot.web.chat.ReplyTracker} and a {@link io.tzurot.web.console.ConsolePageMaker}. It installs the
 * console sections in {@link io.tzurot.web.ConversationFeature#SECTIONS} (CHAT, MEMORIES, INSPECT).
 *
 * <p>Contract (relied on by other checks):
 * <ul>
 *   <li>{@code POST /api/v1/chat {"personality", "message", "channelId"?}} → 202 {@code {"replyId"}}; the reply id is
 *       the {@code ReplyRequest}'s request id (a random UUID), platform WEB, speaker the signed-in user's Discord id.
 *       {@code channelId} defaults to the user's own default web channel; otherwise it must be one of the caller's
 *       web channels ({@code /api/v1/channels}): anyone else's, an unknown one and any Discord (all-digit) id are
 *       the same 404 (field {@code channelId}), for the bot owner too. 400 bad input, 404 unknown or invisible
 *       personality, 429 with {@code Retry-After} when 5 of the user's replies are still on the way (the check
 *       and the tracking are one step, across api processes through the shared key store).</li>
 *   <li>{@code GET /api/v1/channels} → {@code {channels: [{id, isDefault, createdAt}]}}, the default first;
 *       {@code POST /api/v1/channels} → 201 a new channel with a random id; 409 past 100 channels.</li>
 *   <li>{@code GET /api/v1/replies/{replyId}?wait=0..60} → {@code {replyId, status: pending|done|failed, content, reasoning, model,
 *       error, errorKind, footer, memories: [{id, score, preview}], personality}}; waits without holding a thread.</li>
 *   <li>{@code GET /api/v1/replies/{replyId}/events} → Server-Sent Events: {@code status} {@code {"status":"pending"}},
 *       {@code delta} {@code {"text"}} (append) while the model writes and, rarely, {@code reset} {@code {"text"}}
 *       (replace what was shown), then {@code content} {@code {"content"}} and {@code done} (the reply JSON), or
 *       {@code failed} (the reply JSON); then the stream ends.</li>
 *   <li>Only the sender reads a reply (404 for everyone else, the bot owner included).</li>
 * </ul>
 */
package io.tzurot.web.chat;
