package io.tzurot.core.prompt;

/** Test counter: one token per character, so budgets can be worked out by hand. */
final class CharTokenCounter implements TokenCounter {

    @Override
    public int count(String text) {
        return text == null ? 0 : text.length();
    }
}
