package io.tzurot.ai.token;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.tzurot.core.prompt.TokenCounter;

/**
 * {@link TokenCounter} with OpenAI's cl100k_base (jtokkit), as the reference budgets prompts. The encoding
 * is loaded once per process and is thread-safe; counting allocates no encoder. Special-token text such
 * as {@code <|endoftext|>} in user content is counted as ordinary text rather than rejected.
 */
public final class TiktokenCounter implements TokenCounter {

    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        return CL100K.countTokensOrdinary(text);
    }
}
