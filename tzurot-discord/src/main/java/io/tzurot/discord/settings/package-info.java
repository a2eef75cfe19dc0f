/**
 * {@code /settings}: the user's time zone, provider keys and own default tier of the settings cascade
 * ({@code /settings defaults edit}).
 */
package io.tzurot.discord.settings;
