package io.tzurot.core.prompt;

/** Counts tokens the way the model's tokenizer would, for the prompt's token budget. */
public interface TokenCounter {

    /** Number of tokens in {@code text}; 0 for null or empty text. */
    int count(String text);
}
