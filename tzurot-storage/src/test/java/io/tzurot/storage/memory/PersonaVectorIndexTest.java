package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unrolled dot product of the in-JVM scan agrees with a plain double-precision sum at every row offset. */
class PersonaVectorIndexTest {

    @Test
    void unrolledDotProductMatchesAPlainSum() {
        Random random = new Random(3);
        int rows = 5;
        float[] flat = new float[rows * 384];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) random.nextGaussian();
        }
        float[] query = new float[384];
        for (int k = 0; k < query.length; k++) {
            query[k] = (float) random.nextGaussian();
        }
        for (int row = 0; row < rows; row++) {
            double expected = 0;
            for (int k = 0; k < 384; k++) {
                expected += (double) flat[row * 384 + k] * query[k];
            }
            assertThat((double) PersonaVectorIndex.dot(flat, row * 384, query)).isCloseTo(expected, within(1e-3));
        }
    }
}
