/** Voice messages: auto-transcription before the trigger chain decides who answers. */
package io.tzurot.discord.voice;
