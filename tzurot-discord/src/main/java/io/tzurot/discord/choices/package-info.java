/** Autocomplete choices shared by several commands (characters: badges, labels, slugs as values). */
package io.tzurot.discord.choices;
