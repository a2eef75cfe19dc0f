/**
 * {@code /preset}: making presets (a modal, then a dashboard of model, sampling, context and reasoning) and
 * choosing them (own default, a character's default, per-character, global).
 */
package io.tzurot.discord.preset;
