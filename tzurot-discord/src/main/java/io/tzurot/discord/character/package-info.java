/**
 * {@code /character}: create, edit (dashboard), view and browse characters.
 */
package io.tzurot.discord.character;
