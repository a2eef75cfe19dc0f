/** {@code /lorebook}: a user's lorebooks from Discord, over core's lorebook use cases. */
package io.tzurot.discord.lore;
