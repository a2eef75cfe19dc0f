/**
 * Persistence adapters: JDBI repositories implementing the ports of {@code tzurot-core}, Flyway
 * migrations for H2 (embedded profile) and PostgreSQL with pgvector (distributed profile).
 */
package io.tzurot.storage;
