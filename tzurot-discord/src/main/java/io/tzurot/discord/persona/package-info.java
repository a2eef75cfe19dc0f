/**
 * {@code /persona}: the user's personas, the default one and per-character overrides.
 */
package io.tzurot.discord.persona;
