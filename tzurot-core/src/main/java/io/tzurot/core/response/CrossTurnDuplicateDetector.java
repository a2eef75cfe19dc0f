package io.tzurot.core.response;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Detects a reply that repeats one of the conversation's recent replies, escalating from exact text to word
 * overlap, bigram similarity and, when embeddings are given, meaning. Only replies of the same conversation are
 * compared (the reference compared against every channel of the process).
 */
public final class CrossTurnDuplicateDetector {

    /** Replies shorter than this are not judged: short answers legitimately repeat. */
    public static final int MIN_CHARS = 30;
    static final double WORD_OVERLAP = 0.75;
    static final double BIGRAM = 0.85;
    static final double NEAR_MISS = 0.70;
    static final double SEMANTIC = 0.88;

    // Discord subtext lines (-# model footer) and the free-model notice that delivery appends.
    private static final Pattern FOOTER = Pattern.compile("(?:\\n[ \\t]*(?:-# [^\\n]*|\\uD83C\\uDD93[^\\n]*))+\\s*$");

    private CrossTurnDuplicateDetector() {
    }

    /** Judges {@code candidate} against {@code prior} (newest first); {@code embedding} enables the semantic check. */
    public static DuplicateVerdict check(String candidate, List<PriorReply> prior, Optional<ReplyVector> embedding) {
        Objects.requireNonNull(embedding, "embedding");
        return check(candidate, prior, () -> embedding);
    }

    /**
     * As {@link #check(String, List, Optional)}, but the candidate's embedding is asked for only when the text
     * checks decided nothing and some prior reply has an embedding to compare with (embedding costs milliseconds).
     */
    public static DuplicateVerdict check(String candidate, List<PriorReply> prior,
                                         Supplier<Optional<ReplyVector>> embedding) {
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(embedding, "embedding");
        String text = candidate == null ? "" : candidate.strip();
        if (text.length() < MIN_CHARS) {
            return DuplicateVerdict.notChecked();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> earlier = prior.stream().map(p -> withoutFooter(p.content())).toList();
        for (int i = 0; i < earlier.size(); i++) {
            if (earlier.get(i).toLowerCase(Locale.ROOT).equals(lower)) {
                return hit(DuplicateVerdict.Level.EXACT, 1.0, i);
            }
        }
        for (int i = 0; i < earlier.size(); i++) {
            double jaccard = TextSimilarity.wordJaccard(text, earlier.get(i));
            if (jaccard >= WORD_OVERLAP) {
                return hit(DuplicateVerdict.Level.WORD_OVERLAP, jaccard, i);
            }
        }
        double bestDice = 0;
        for (int i = 0; i < earlier.size(); i++) {
            double dice = TextSimilarity.diceBigrams(text, earlier.get(i));
            if (dice >= BIGRAM) {
                return hit(DuplicateVerdict.Level.BIGRAM, dice, i);
            }
            bestDice = Math.max(bestDice, dice);
        }
        Optional<ReplyVector> vector = prior.stream().anyMatch(p -> p.embedding().isPresent())
                ? embedding.get() : Optional.empty();
        if (vector.isPresent()) {
            for (int i = 0; i < prior.size(); i++) {
                Optional<ReplyVector> other = prior.get(i).embedding();
                if (other.isPresent() && other.get().dimensions() == vector.get().dimensions()) {
                    double cosine = vector.get().cosine(other.get());
                    if (cosine >= SEMANTIC) {
                        return hit(DuplicateVerdict.Level.SEMANTIC, cosine, i);
                    }
                }
            }
        }
        return new DuplicateVerdict(true, Optional.empty(), bestDice, OptionalInt.empty(), bestDice >= NEAR_MISS);
    }

    /** {@code content} without the footer lines delivery appended, trimmed. */
    static String withoutFooter(String content) {
        return FOOTER.matcher(content).replaceFirst("").strip();
    }

    private static DuplicateVerdict hit(DuplicateVerdict.Level level, double similarity, int index) {
        return new DuplicateVerdict(true, Optional.of(level), similarity, OptionalInt.of(index), false);
    }
}
