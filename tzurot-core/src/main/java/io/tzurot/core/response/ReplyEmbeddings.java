package io.tzurot.core.response;

import io.tzurot.core.model.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings of each conversation's recent replies, for the semantic duplicate check (pipeline.md §7 L4). The
 * reference kept one ring of ten for the whole process, so channels were compared with each other; here each
 * conversation (personality + channel) keeps its own, looked up by the text of the replies still in its history
 * (a cleared history compares with nothing). Bounded: {@value #PER_CONVERSATION} vectors per conversation, the
 * {@value #MAX_CONVERSATIONS} most recently used conversations. Thread-safe.
 *
 * <p>A delivered reply whose vector the check did not compute is embedded only when a later turn of its conversation
 * compares with it ({@link #attach}): most conversations end, or move on past the window, before that (a web chat in a
 * new channel every time never does), and an embedding is the costliest thing a reply does besides the model call.
 */
public final class ReplyEmbeddings {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyEmbeddings.class);
    /** Vectors kept per conversation (twice the replies compared, so retried attempts do not push them out). */
    public static final int PER_CONVERSATION = 2 * PriorReply.MAX_REPLIES;
    /** Conversations kept; about 15 KB each at most. */
    public static final int MAX_CONVERSATIONS = 4_000;
    private static final ReplyEmbeddings DISABLED = new ReplyEmbeddings(null);

    private final EmbeddingModel model;
    private final Map<String, Map<Long, Kept>> byConversation = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, Kept>> eldest) {
            return size() > MAX_CONVERSATIONS;
        }
    };

    /** A kept reply: its vector, or (until a later turn needs it) the normalised text to embed. */
    private record Kept(ReplyVector vector, String text) {
    }

    public ReplyEmbeddings(EmbeddingModel model) {
        this.model = model;
    }

    /** No embeddings: the semantic check never runs. */
    public static ReplyEmbeddings disabled() {
        return DISABLED;
    }

    /** The key of a conversation. */
    public static String conversation(Object personalityId, String channelId) {
        return personalityId + ":" + channelId;
    }

    /** True when replies can be embedded. */
    public boolean enabled() {
        return model != null;
    }

    /**
     * {@code prior} with the embeddings known for {@code conversation} attached (others stay without); a kept reply
     * not embedded yet is embedded now, once.
     */
    public List<PriorReply> attach(String conversation, List<PriorReply> prior) {
        if (model == null || prior.isEmpty()) {
            return prior;
        }
        List<PriorReply> out = new ArrayList<>(prior.size());
        Map<Integer, Long> toEmbed = new LinkedHashMap<>();
        Map<Integer, String> texts = new LinkedHashMap<>();
        synchronized (byConversation) {
            Map<Long, Kept> known = byConversation.get(conversation);
            if (known == null) {
                return prior;
            }
            for (PriorReply p : prior) {
                if (p.embedding().isPresent()) {
                    out.add(p);
                    continue;
                }
                long key = key(normalise(p.content()));
                Kept kept = known.get(key);
                if (kept != null && kept.vector() == null) {
                    toEmbed.put(out.size(), key);
                    texts.put(out.size(), kept.text());
                }
                out.add(kept == null || kept.vector() == null ? p
                        : new PriorReply(p.content(), Optional.of(kept.vector())));
            }
        }
        // outside the lock: an embedding takes milliseconds
        toEmbed.forEach((index, key) -> embedCompared(texts.get(index)).ifPresent(vector -> {
            fill(conversation, key, vector);
            out.set(index, new PriorReply(out.get(index).content(), Optional.of(vector)));
        }));
        return out;
    }

    /** The embedding of a reply's text; empty when disabled or the model fails (then the check is skipped). */
    public Optional<ReplyVector> embed(String reply) {
        return model == null ? Optional.empty() : embedCompared(normalise(reply));
    }

    /** True when a vector for {@code reply} is kept in {@code conversation} (a repeated reply needs no new one). */
    public boolean knows(String conversation, String reply) {
        return model != null && knows(conversation, key(normalise(reply)));
    }

    /** Keeps {@code vector} as the embedding of the delivered {@code reply} in {@code conversation}. */
    public void remember(String conversation, String reply, ReplyVector vector) {
        Objects.requireNonNull(vector, "vector");
        if (model != null) {
            put(conversation, key(normalise(reply)), new Kept(vector, null));
        }
    }

    /**
     * Keeps the delivered {@code reply} for the next turns' check: {@code computed} when the check made one, nothing
     * when the same text is kept already, else its text, embedded when a later turn compares with it ({@link #attach}).
     * Replies too short to be checked are not kept. The text is normalised and hashed once.
     */
    public void keep(String conversation, String reply, Optional<ReplyVector> computed) {
        if (model == null || reply.strip().length() < CrossTurnDuplicateDetector.MIN_CHARS) {
            return;
        }
        String text = normalise(reply);
        long key = key(text);
        if (computed.isPresent()) {
            put(conversation, key, new Kept(computed.get(), null));
        } else if (!knows(conversation, key)) {
            put(conversation, key, new Kept(null, text));
        }
    }

    /** As {@link #keep(String, String, Optional)}; {@code executor} is not used (nothing is embedded in advance). */
    public void keep(String conversation, String reply, Optional<ReplyVector> computed, Executor executor) {
        keep(conversation, reply, computed);
    }

    private Optional<ReplyVector> embedCompared(String text) {
        try {
            return Optional.of(new ReplyVector(model.embed(text)));
        } catch (RuntimeException e) {
            LOG.warn("reply embedding failed; semantic duplicate check skipped: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private boolean knows(String conversation, long key) {
        synchronized (byConversation) {
            Map<Long, Kept> known = byConversation.get(conversation);
            return known != null && known.containsKey(key);
        }
    }

    /** Gives a kept text its vector in place (insertion order, which decides what is dropped first, unchanged). */
    private void fill(String conversation, long key, ReplyVector vector) {
        synchronized (byConversation) {
            Map<Long, Kept> known = byConversation.get(conversation);
            if (known != null && known.containsKey(key)) {
                known.put(key, new Kept(vector, null));
            }
        }
    }

    private void put(String conversation, long key, Kept vector) {
        synchronized (byConversation) {
            Map<Long, Kept> known = byConversation.computeIfAbsent(conversation,
                    c -> new LinkedHashMap<>(16, 0.75f, false) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Long, Kept> eldest) {
                            return size() > PER_CONVERSATION;
                        }
                    });
            known.remove(key); // re-inserted as the newest
            known.put(key, vector);
        }
    }

    /** Conversations currently kept (for tests and diagnostics). */
    public int conversations() {
        synchronized (byConversation) {
            return byConversation.size();
        }
    }

    private static String normalise(String reply) {
        return CrossTurnDuplicateDetector.withoutFooter(reply);
    }

    // A 64-bit key of the normalised text; a collision would only compare with another reply of the same conversation.
    private static long key(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ ((long) text.length() << 48);
    }
}
