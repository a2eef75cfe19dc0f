package io.tzurot.core.card;

/**
 * A file that is not a readable card, character or lorebook: the message names the problem (a bad CRC, a
 * chunk too large, a zip bomb, a wrong JSON type ...) for the person who sent it.
 */
public final class CardFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CardFileException(String message) {
        super(message, null, false, false);
    }
}
