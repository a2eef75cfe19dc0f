/** Scenes in Discord: {@code /scene} (turn-taking settings), {@code /chime-in} and {@code /random}. */
package io.tzurot.discord.scene;
