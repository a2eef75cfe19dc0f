/**
 * {@code /channel}: which character answers every message in a server channel, and the channel's tier of the
 * settings cascade ({@code /channel settings}).
 */
package io.tzurot.discord.channel;
