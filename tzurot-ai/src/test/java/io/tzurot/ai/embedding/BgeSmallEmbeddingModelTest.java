package io.tzurot.ai.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tzurot.core.model.EmbeddingModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-process model loads offline from its jar and produces usable, normalised vectors. */
class BgeSmallEmbeddingModelTest {

    static EmbeddingModel model;

    @BeforeAll
    static void load() {
        model = new BgeSmallEmbeddingModel();
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot; // both are unit vectors
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    @Test
    void vectorsHave384DimensionsAndUnitNorm() {
        float[] vector = model.embed("Tzurot remembers what you told it last week.");

        assertThat(vector).hasSize(EmbeddingModel.DIMENSIONS).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void closeSentencesScoreHigherThanUnrelatedOnes() {
        float[] cat = model.embed("My cat loves sleeping in the sun by the window.");
        float[] kitten = model.embed("The kitten naps in a warm patch of sunlight.");
        float[] tax = model.embed("Quarterly tax filings are due at the end of the fiscal period.");
        float[] code = model.embed("Compile the Java project with Maven before running the tests.");

        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, tax));
        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, code));
        assertThat(cosine(tax, code)).isLessThan(cosine(cat, kitten));
    }

    @Test
    void sameTextGivesTheSameVector() {
        assertThat(model.embed("deterministic")).containsExactly(model.embed("deterministic"));
    }

    @Test
    void textLongerThanTheModelWindowIsStillOneNormalisedVector() {
        String longText = "A sentence about remembering conversations with characters. ".repeat(200);

        float[] vector = model.embed(longText);

        assertThat(vector).hasSize(384);
        assertThat(norm(vector)).isCloseTo(1.0, within(1e-4));
    }
}
