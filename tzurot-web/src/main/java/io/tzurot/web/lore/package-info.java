/** Lorebook attachments to personas, channels and everything, and the keyword test: API routes. */
package io.tzurot.web.lore;
