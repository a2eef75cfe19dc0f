/** {@code /note}: author's notes (yours, a character's, a channel's) and your user prompts. */
package io.tzurot.discord.notes;
