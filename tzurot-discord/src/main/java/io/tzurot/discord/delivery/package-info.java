/** Posting replies: webhooks per channel, DM prefixes, chunks and footers, typing, per-channel order. */
package io.tzurot.discord.delivery;
