package io.tzurot.core.apikey;

import java.util.Objects;

/**
 * A secret encrypted with AES-256-GCM as stored (spec §3): lowercase hex IV (16 bytes), ciphertext
 * and authentication tag (16 bytes). {@code toString} shows only sizes.
 */
public record EncryptedSecret(String iv, String content, String tag) {

    public EncryptedSecret {
        Objects.requireNonNull(iv, "iv");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tag, "tag");
        if (!iv.matches("[0-9a-fA-F]{32}") || !tag.matches("[0-9a-fA-F]{32}") || !content.matches("([0-9a-fA-F]{2})*")) {
            throw new IllegalArgumentException("encrypted secret must be hex: 32-char iv, 32-char tag, even-length content");
        }
    }

    @Override
    public String toString() {
        return "EncryptedSecret[" + content.length() / 2 + " bytes]";
    }
}
