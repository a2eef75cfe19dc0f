/**
 * {@code /chat}: one public message to a character, answered like a mention.
 */
package io.tzurot.discord.chat;
