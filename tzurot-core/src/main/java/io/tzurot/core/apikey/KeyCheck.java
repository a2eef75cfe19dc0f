package io.tzurot.core.apikey;

/** What the provider said about a key. */
public sealed interface KeyCheck {

    /** The provider accepted the key. */
    record Accepted() implements KeyCheck {
    }

    /** The provider refused the key; {@code reason} is safe to show (it never contains the key). */
    record Rejected(String reason) implements KeyCheck {
    }

    /** The provider could not be asked (down, unreachable, unexpected answer); nothing can be concluded. */
    record Unavailable(String reason) implements KeyCheck {
    }
}
