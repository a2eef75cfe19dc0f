package io.tzurot.storage.memory;

import java.util.UUID;

/**
 * The best {@code capacity} (score, id) pairs seen so far, kept in a fixed-size binary min-heap so the scan
 * over every candidate allocates nothing per row. Ties are broken by id for a stable order.
 */
final class TopScores {

    private final double[] scores;
    private final UUID[] ids;
    private int size;

    TopScores(int capacity) {
        scores = new double[capacity];
        ids = new UUID[capacity];
    }

    /** Whether a candidate with this score could still enter; lets callers skip work for hopeless rows. */
    boolean accepts(double score) {
        return size < scores.length || score >= scores[0];
    }

    void offer(double score, UUID id) {
        if (size < scores.length) {
            scores[size] = score;
            ids[size] = id;
            siftUp(size++);
        } else if (worse(0, score, id)) {
            scores[0] = score;
            ids[0] = id;
            siftDown(0);
        }
    }

    int size() {
        return size;
    }

    /** The ids, best first, with their scores written to {@code scoresOut}; empties the heap. */
    UUID[] drainBestFirst(double[] scoresOut) {
        UUID[] out = new UUID[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = ids[0];
            scoresOut[i] = scores[0];
            size--;
            scores[0] = scores[size];
            ids[0] = ids[size];
            siftDown(0);
        }
        return out;
    }

    /** True when the heap entry at {@code i} ranks below (score, id). */
    private boolean worse(int i, double score, UUID id) {
        return scores[i] < score || (scores[i] == score && ids[i].compareTo(id) > 0);
    }

    private boolean less(int a, int b) {
        return worse(a, scores[b], ids[b]);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(i, parent)) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && less(left + 1, left) ? left + 1 : left;
            if (!less(smallest, i)) {
                return;
            }
            swap(i, smallest);
            i = smallest;
        }
    }

    private void swap(int a, int b) {
        double s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        UUID id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }
}
