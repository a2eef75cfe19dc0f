/**
 * {@code /preset}: choosing model presets (own default, a character's default, per-character, global).
 */
package io.tzurot.discord.preset;
