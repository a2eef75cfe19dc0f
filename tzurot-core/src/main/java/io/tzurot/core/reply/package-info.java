/**
 * The reply engine: from a platform-neutral {@link io.tzurot.core.reply.ReplyRequest} to a
 * {@link io.tzurot.core.reply.ReplyOutcome}, through resolution, memory, prompt, model call,
 * post-processing and recording. Platform adapters (Discord, web, CLI) talk only to
 * {@link io.tzurot.core.reply.ReplyService}.
 */
package io.tzurot.core.reply;
