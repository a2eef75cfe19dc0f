package io.tzurot.core.prompt;

/** Counts tokens the way the model's tokenizer would, for the prompt's token budget. */
public interface TokenCounter {

    /** Number of tokens in {@code text}; 0 for null or empty text. */
    int count(String text);

    /**
     * {@link #count} for a text that will not come again (a note's score joined to a body it can't be counted apart
     * from, a message or reply as history stores it, an exchange checked against the memory chunk limit): a counter
     * that remembers counts keeps it out of its memo, where it would only push out texts that repeat.
     */
    default int countOnce(String text) {
        return count(text);
    }
}
