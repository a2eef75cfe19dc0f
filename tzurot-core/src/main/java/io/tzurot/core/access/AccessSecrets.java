package io.tzurot.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Random secrets (256 bits, URL-safe, with a short prefix that says what they are) and the SHA-256
 * hashes under which they are stored. A leaked database therefore holds nothing that signs anyone in.
 */
public final class AccessSecrets {

    /** Prefix of bearer tokens. */
    public static final String TOKEN_PREFIX = "tzk_";
    /** Prefix of console session ids. */
    public static final String SESSION_PREFIX = "tzs_";
    /** Prefix of one-time login link secrets. */
    public static final String LOGIN_PREFIX = "tzl_";

    private static final int SECRET_BYTES = 32;
    // 32 bytes are 43 base64url characters without padding
    private static final Pattern SHAPE = Pattern.compile("tz[ksl]_[A-Za-z0-9_-]{43}");

    private final SecureRandom random;

    public AccessSecrets(SecureRandom random) {
        this.random = random;
    }

    public AccessSecrets() {
        this(new SecureRandom());
    }

    /** A new secret: {@code prefix} followed by 256 random bits in base64url. */
    public String newSecret(String prefix) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code text} has the shape of a secret with this prefix (cheap check before any lookup). */
    public static boolean looksLike(String text, String prefix) {
        return text != null && text.startsWith(prefix) && SHAPE.matcher(text).matches();
    }

    /** Lowercase hex SHA-256 of the secret (64 characters). */
    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The last four characters, shown next to a token's label so people can tell tokens apart. */
    public static String hint(String secret) {
        return "…" + secret.substring(secret.length() - 4);
    }
}
