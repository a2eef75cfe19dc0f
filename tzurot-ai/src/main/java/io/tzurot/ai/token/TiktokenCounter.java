package io.tzurot.ai.token;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.tzurot.core.prompt.TokenCounter;
import java.util.concurrent.ConcurrentHashMap;

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
    /** About 4 MB of typical prompt pieces; when full the memo starts over (cheaper than tracking recency). */
    static final int MAX_REMEMBERED = 10_000;

    private final ConcurrentHashMap<String, Integer> remembered = new ConcurrentHashMap<>();

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > MAX_REMEMBERED_CHARS) {
            return Cl100k.ENCODING.countTokensOrdinary(text);
        }
        Integer known = remembered.get(text);
        if (known != null) {
            return known;
        }
        int count = Cl100k.ENCODING.countTokensOrdinary(text);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(text, count);
        return count;
    }

    @Override
    public int countOnce(String text) {
        return text == null || text.isEmpty() ? 0 : Cl100k.ENCODING.countTokensOrdinary(text);
    }

    /** Texts whose count is remembered (for tests). */
    int remembered() {
        return remembered.size();
    }
}
