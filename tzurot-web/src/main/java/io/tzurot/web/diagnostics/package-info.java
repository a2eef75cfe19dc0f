/**
 * The reply flight recorder over HTTP ({@code GET /api/v1/diagnostics/{replyId}}: own replies in Discord channels
 * and own web channels, the bot owner all) and Console → Inspect ({@code /console/inspect?replyId=}); the
 * character's system prompt is redacted for everyone but its owner and the bot owner unless shared
 * ({@code GET|PUT /api/v1/personalities/{slug}/diagnostics-sharing}). The rules are core's
 * {@code ViewingDiagnostics}.
 */
package io.tzurot.web.diagnostics;
