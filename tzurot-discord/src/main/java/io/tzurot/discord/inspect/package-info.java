/**
 * {@code /inspect} and the message commands "Inspect Message" and "View Reasoning".
 */
package io.tzurot.discord.inspect;
