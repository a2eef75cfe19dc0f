/** Regenerate, swipe and delete a character's reply by reacting to it (🔄 ◀ ▶ 🗑). */
package io.tzurot.discord.swipe;
