/**
 * {@code /character}: create, edit (dashboard), view, avatar, settings (the character's settings tier, as a
 * dashboard) and browse characters.
 */
package io.tzurot.discord.character;
