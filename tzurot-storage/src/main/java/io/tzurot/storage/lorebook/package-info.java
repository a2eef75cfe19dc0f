/** Lorebooks and their entries on JDBI (H2 and PostgreSQL). */
package io.tzurot.storage.lorebook;
