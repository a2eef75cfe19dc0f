package io.tzurot.core.reply;

import java.util.Objects;

/**
 * The key one reply is made with. Decrypted user keys live only in memory, inside this record, which never
 * shows the key in {@code toString}.
 *
 * @param apiKey the key sent to the provider (blank for a keyless local provider)
 * @param guestMode true when the operator's key pays, so only free models are used
 */
public record Credentials(String apiKey, boolean guestMode) {

    public Credentials {
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public String toString() {
        return "Credentials[" + (guestMode ? "guest" : "own key") + "]";
    }
}
