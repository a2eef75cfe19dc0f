/** {@code /history}: the caller's short-term history with one character in the current channel. */
package io.tzurot.discord.history;
