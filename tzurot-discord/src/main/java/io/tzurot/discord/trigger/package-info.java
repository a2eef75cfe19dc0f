/** Which messages the bot answers, and as whom: the trigger chain, the denylist and the NSFW gate. */
package io.tzurot.discord.trigger;
