/**
 * {@code /channel}: which character answers every message in a server channel.
 */
package io.tzurot.discord.channel;
