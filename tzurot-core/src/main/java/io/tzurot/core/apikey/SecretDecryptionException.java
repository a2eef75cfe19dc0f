package io.tzurot.core.apikey;

/** A stored secret could not be decrypted (wrong key or tampered data); the message never contains secret material. */
public final class SecretDecryptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretDecryptionException(String message) {
        super(message);
    }
}
