/** Author's notes (character, channel, user) and users' own system-prompt additions: rules, storage ports, use cases. */
package io.tzurot.core.notes;
