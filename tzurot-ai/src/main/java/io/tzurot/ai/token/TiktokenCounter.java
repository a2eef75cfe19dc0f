package io.tzurot.ai.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.tzurot.core.prompt.TokenCounter;

/**
 * {@link TokenCounter} with OpenAI's cl100k_base (jtokkit), as the reference budgets prompts. The encoding
 * is loaded once per process and is thread-safe; counting allocates no encoder. Special-token text such
 * as {@code <|endoftext|>} in user content is counted as ordinary text rather than rejected.
 *
 * <p>Counts of short texts are remembered: each reply counts the character's sections, the history lines and the
 * memory notes again, and almost all of them are the same text as in the previous reply of that channel.
 */
public final class TiktokenCounter implements TokenCounter {

    /** Loaded on first use (a few hundred ms of CPU), so that it stays off a process's start-up path. */
    private static final class Cl100k {
        static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);
    }

    /** Loads the encoding on a background thread, so that the first reply finds it ready; call once started. */
    public static void preloadInBackground() {
        Thread thread = new Thread(() -> {
            java.util.Objects.requireNonNull(Cl100k.ENCODING);
        }, "tiktoken-preload");
        thread.setDaemon(true);
        thread.start();
    }
    /** Longer texts are rarely repeated verbatim; keeping them would only hold memory. */
    static final int MAX_REMEMBERED_CHARS = 8_192;
    /**
     * About 4 MB of typical prompt pieces. When full, Caffeine's frequency-aware eviction keeps what comes back (the
     * character's sections, the memories recalled often): starting over, as the memo once did, dropped them all, and
     * with 50 users' memories recalled at random (the reference workload) most memory notes missed it.
     */
    static final int MAX_REMEMBERED = 10_000;

    /** Evicting on the calling thread keeps the bound exact and starts no pool's thread. */
    private final Cache<String, Integer> remembered = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED)
            .executor(Runnable::run).build();

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > MAX_REMEMBERED_CHARS) {
            return Cl100k.ENCODING.countTokensOrdinary(text);
        }
        Integer known = remembered.getIfPresent(text);
        if (known != null) {
            return known;
        }
        int count = Cl100k.ENCODING.countTokensOrdinary(text);
        remembered.put(text, count);
        return count;
    }

    @Override
    public int countOnce(String text) {
        return text == null || text.isEmpty() ? 0 : Cl100k.ENCODING.countTokensOrdinary(text);
    }

    /** Texts whose count is remembered (for tests). */
    int remembered() {
        remembered.cleanUp();
        return (int) remembered.estimatedSize();
    }
}
