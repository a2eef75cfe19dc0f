/**
 * The slash-command framework: the router (deferral, custom-id routing, autocomplete, denied users, error replies), registration, and what a command sees of an interaction.
 */
package io.tzurot.discord.command;
