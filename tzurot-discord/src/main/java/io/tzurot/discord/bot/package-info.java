/**
 * The Discord bot's entry point: {@link io.tzurot.discord.bot.DiscordBot}, built from
 * {@link io.tzurot.discord.bot.DiscordSettings} and {@link io.tzurot.discord.bot.DiscordServices}.
 */
package io.tzurot.discord.bot;
