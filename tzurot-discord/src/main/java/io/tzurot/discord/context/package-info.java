/** From a Discord message to the engine's request: speaker, location, attachments and references. */
package io.tzurot.discord.context;
