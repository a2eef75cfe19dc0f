package io.tzurot.storage.db;

/**
 * A 384-dimension embedding bound to a vector column: {@code vector(384)} on PostgreSQL,
 * {@code REAL ARRAY[384]} on H2. Read it back with the registered column mapper for {@code Embedding}.
 */
public record Embedding(float[] values) {
}
