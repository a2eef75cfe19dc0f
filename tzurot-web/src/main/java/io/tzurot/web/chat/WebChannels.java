package io.tzurot.web.chat;

import io.tzurot.core.access.Actor;
import io.tzurot.web.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Channel ids of web conversations. Each user has a default web channel, {@code "web"} and 17 digits derived
 * from their user id (20 characters, the longest channel id history accepts). Other ids may be named, but an
 * all-digit id is a Discord channel, which only the owner may write into from the web: nobody else can prove
 * they are a member of it.
 */
public final class WebChannels {

    /** Longest channel id (a Discord snowflake column). */
    public static final int MAX_LENGTH = 20;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");
    private static final Pattern DISCORD = Pattern.compile("\\d+");

    private WebChannels() {
    }

    /** The actor's own web channel, stable across restarts. */
    public static String defaultFor(Actor actor) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(actor.userId().toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder digits = new StringBuilder("web");
            for (int i = 0; digits.length() < MAX_LENGTH; i++) {
                digits.append(Math.floorMod(hash[i], 10));
            }
            return digits.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The requested channel, or the actor's default; 400 for a malformed id, 403 for a Discord channel. */
    public static String choose(Actor actor, Optional<String> requested) {
        if (requested.isEmpty()) {
            return defaultFor(actor);
        }
        String id = requested.get();
        if (!ALLOWED.matcher(id).matches()) {
            throw ApiException.badRequest("channelId", "'channelId' must be 1-" + MAX_LENGTH
                    + " letters, digits, '_' or '-'; leave it out to use your own web channel.");
        }
        if (DISCORD.matcher(id).matches() && !actor.owner()) {
            throw ApiException.forbidden("'" + id + "' is a Discord channel; from the web only the bot owner may chat there."
                    + " Leave 'channelId' out to use your own web channel.");
        }
        return id;
    }
}
