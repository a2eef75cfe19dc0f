/**
 * {@code /help}, written from the registered commands.
 */
package io.tzurot.discord.help;
