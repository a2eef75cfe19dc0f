/** Author's notes and user prompts over JDBI (the same SQL on H2 and PostgreSQL). */
package io.tzurot.storage.notes;
