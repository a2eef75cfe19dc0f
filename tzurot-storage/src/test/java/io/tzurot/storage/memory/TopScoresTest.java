package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TopScoresTest {

    private record Scored(double score, UUID id) {
    }

    @Test
    void keepsTheBestScoresInOrderLikeAFullSort() {
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            int capacity = 1 + random.nextInt(20);
            List<Scored> all = new ArrayList<>();
            TopScores top = new TopScores(capacity);
            int n = random.nextInt(200);
            for (int i = 0; i < n; i++) {
                // few distinct scores, so ties (broken by id) are common
                Scored s = new Scored(random.nextInt(10) / 10.0, new UUID(random.nextLong(), random.nextLong()));
                all.add(s);
                top.offer(s.score(), s.id());
            }
            all.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::id));
            List<Scored> expected = all.subList(0, Math.min(capacity, all.size()));

            double[] scores = new double[top.size()];
            UUID[] ids = top.drainBestFirst(scores);
            List<Scored> actual = new ArrayList<>();
            for (int i = 0; i < ids.length; i++) {
                actual.add(new Scored(scores[i], ids[i]));
            }
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void acceptsOnlyCandidatesThatCanStillEnter() {
        TopScores top = new TopScores(2);
        assertThat(top.accepts(-1.0)).isTrue();
        top.offer(0.5, new UUID(0, 1));
        top.offer(0.7, new UUID(0, 2));
        assertThat(top.accepts(0.4)).isFalse();
        assertThat(top.accepts(0.5)).isTrue();
        top.offer(0.9, new UUID(0, 3));
        double[] scores = new double[2];
        assertThat(top.drainBestFirst(scores)).containsExactly(new UUID(0, 3), new UUID(0, 2));
        assertThat(scores).containsExactly(0.9, 0.7);
    }
}
