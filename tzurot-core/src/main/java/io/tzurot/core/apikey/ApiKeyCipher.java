package io.tzurot.core.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of user API keys and credentials, compatible with the reference system
 * (spec §3): 16-byte random IV, 128-bit tag, no associated data, UTF-8 plaintext.
 */
public final class ApiKeyCipher {

    private static final int IV_BYTES = 16;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKey exactly 32 bytes; copied */
    public ApiKeyCipher(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("encryption key must be 32 bytes (64 hex characters), got " + masterKey.length + " bytes");
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
    }

    /**
     * From the configured 64-hex-character key ({@code TZUROT_ENCRYPTION_KEY}).
     *
     * @throws IllegalArgumentException without echoing the value
     */
    public static ApiKeyCipher fromHex(String hexKey) {
        if (hexKey == null || !hexKey.trim().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("encryption key must be exactly 64 hexadecimal characters");
        }
        byte[] raw = HEX.parseHex(hexKey.trim().toLowerCase());
        try {
            return new ApiKeyCipher(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Encrypts with a fresh random IV. */
    public EncryptedSecret encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            // Java appends the tag to the ciphertext; the stored form keeps it in its own column
            int split = sealed.length - TAG_BYTES;
            return new EncryptedSecret(HEX.formatHex(iv), HEX.formatHex(sealed, 0, split),
                    HEX.formatHex(sealed, split, sealed.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable on this JVM", e);
        }
    }

    /**
     * Decrypts and authenticates.
     *
     * @throws SecretDecryptionException when the key is wrong or the data was altered
     */
    public String decrypt(EncryptedSecret secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] content = HEX.parseHex(secret.content().toLowerCase());
        byte[] tag = HEX.parseHex(secret.tag().toLowerCase());
        byte[] sealed = Arrays.copyOf(content, content.length + tag.length);
        System.arraycopy(tag, 0, sealed, content.length, tag.length);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, HEX.parseHex(secret.iv().toLowerCase())));
            return new String(cipher.doFinal(sealed), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretDecryptionException("secret failed authentication: wrong encryption key or altered data");
        } catch (GeneralSecurityException e) {
            throw new SecretDecryptionException("secret could not be decrypted: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "ApiKeyCipher[AES-256-GCM]";
    }
}
