/** {@code /admin}: the bot owner's commands (servers, usage, clean-up, settings, fleet health, presence, metrics). */
package io.tzurot.discord.admin;
