/**
 * {@code /settings}: the user's time zone and provider keys.
 */
package io.tzurot.discord.settings;
