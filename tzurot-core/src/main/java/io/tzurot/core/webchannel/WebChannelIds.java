package io.tzurot.core.webchannel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/** How web channel ids are made: random and unguessable now, derived from the user id before ownership. */
public final class WebChannelIds {

    /** Longest channel id (the width of every channel id column: a Discord snowflake's). */
    public static final int MAX_LENGTH = 20;

    /** Random characters after the {@code 'w'}: 19 of 64 symbols, 114 bits. */
    static final int RANDOM_LENGTH = MAX_LENGTH - 1;

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebChannelIds() {
    }

    /** A fresh id: {@code 'w'} and 19 random URL-safe characters, never all digits (a Discord channel's shape). */
    public static String random() {
        StringBuilder id = new StringBuilder(MAX_LENGTH).append('w');
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /**
     * The default channel id every user had before channels were owned: {@code "web"} and 17 digits of a
     * hash of the user id. Anyone can compute it, so it is only ever used by the user it was derived for.
     */
    public static String legacyDefault(UUID userId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(userId.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder digits = new StringBuilder("web");
            for (int i = 0; digits.length() < MAX_LENGTH; i++) {
                digits.append(Math.floorMod(hash[i], 10));
            }
            return digits.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** Whether the id has a Discord channel's shape (all digits): never a web channel. */
    public static boolean looksLikeDiscord(String id) {
        return !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
