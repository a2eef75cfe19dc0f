/** Author's notes and user prompts over HTTP and in the console. */
package io.tzurot.web.notes;
