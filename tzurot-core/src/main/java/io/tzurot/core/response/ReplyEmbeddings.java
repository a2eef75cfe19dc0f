package io.tzurot.core.response;

import io.tzurot.core.model.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings of each conversation's recent replies, for the semantic duplicate check (pipeline.md §7 L4). The
 * reference kept one ring of ten for the whole process, so channels were compared with each other; here each
 * conversation (personality + channel) keeps its own, looked up by the text of the replies still in its history
 * (a cleared history compares with nothing). Bounded: {@value #PER_CONVERSATION} vectors per conversation, the
 * {@value #MAX_CONVERSATIONS} most recently used conversations. Thread-safe.
 */
public final class ReplyEmbeddings {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyEmbeddings.class);
    /** Vectors kept per conversation (twice the replies compared, so retried attempts do not push them out). */
    public static final int PER_CONVERSATION = 2 * PriorReply.MAX_REPLIES;
    /** Conversations kept; about 15 KB each at most. */
    public static final int MAX_CONVERSATIONS = 4_000;
    private static final ReplyEmbeddings DISABLED = new ReplyEmbeddings(null);

    private final EmbeddingModel model;
    private final Map<String, Map<Long, ReplyVector>> byConversation = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, ReplyVector>> eldest) {
            return size() > MAX_CONVERSATIONS;
        }
    };

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

    /** {@code prior} with the embeddings known for {@code conversation} attached (others stay without). */
    public List<PriorReply> attach(String conversation, List<PriorReply> prior) {
        if (model == null || prior.isEmpty()) {
            return prior;
        }
        List<PriorReply> out = new ArrayList<>(prior.size());
        synchronized (byConversation) {
            Map<Long, ReplyVector> known = byConversation.get(conversation);
            if (known == null) {
                return prior;
            }
            for (PriorReply p : prior) {
                out.add(p.embedding().isPresent() ? p
                        : new PriorReply(p.content(), Optional.ofNullable(known.get(key(normalise(p.content()))))));
            }
        }
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
            put(conversation, key(normalise(reply)), vector);
        }
    }

    /**
     * Keeps the delivered {@code reply}'s embedding for the next turns' check: {@code computed} when the check made
     * one, nothing when the same text is kept already, else one embedded on {@code executor} so the reply does not
     * wait for it. Replies too short to be checked are not kept. The text is normalised and hashed once.
     */
    public void keep(String conversation, String reply, Optional<ReplyVector> computed, Executor executor) {
        if (model == null || reply.strip().length() < CrossTurnDuplicateDetector.MIN_CHARS) {
            return;
        }
        String text = normalise(reply);
        long key = key(text);
        if (computed.isPresent()) {
            put(conversation, key, computed.get());
        } else if (!knows(conversation, key)) {
            CompletableFuture.runAsync(() -> embedCompared(text).ifPresent(v -> put(conversation, key, v)), executor)
                    .exceptionally(error -> {
                        LOG.warn("reply embedding not kept: {}", error.getMessage());
                        return null;
                    });
        }
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
            Map<Long, ReplyVector> known = byConversation.get(conversation);
            return known != null && known.containsKey(key);
        }
    }

    private void put(String conversation, long key, ReplyVector vector) {
        synchronized (byConversation) {
            Map<Long, ReplyVector> known = byConversation.computeIfAbsent(conversation,
                    c -> new LinkedHashMap<>(16, 0.75f, false) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<Long, ReplyVector> eldest) {
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
