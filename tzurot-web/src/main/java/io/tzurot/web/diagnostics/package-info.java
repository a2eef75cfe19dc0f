/**
 * The reply flight recorder over HTTP ({@code GET /api/v1/diagnostics/{replyId}}: own replies, the bot owner all)
 * and Console → Inspect ({@code /console/inspect?replyId=}).
 */
package io.tzurot.web.diagnostics;
