package io.tzurot.storage.db;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A 384-dimension embedding bound to a vector column: {@code vector(384)} on PostgreSQL, and on H2 a
 * {@code VARBINARY(1536)} of little-endian float32 values (a compact form the in-JVM search reads without
 * boxing every element). Read it back with the registered column mapper for {@code Embedding}.
 */
public record Embedding(float[] values) {

    /** The H2 storage form: 4 bytes per value, little-endian. */
    public static byte[] toBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    /** Decodes {@link #toBytes(float[])}. */
    public static float[] fromBytes(byte[] bytes) {
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
