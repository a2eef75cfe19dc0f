package io.tzurot.testkit.discord;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * How to run the simulator: port (0 = ephemeral), the bot token to accept, the bot's name, and the heartbeat
 * interval announced in HELLO. The token is left out of {@link #toString()}.
 */
public record SimpleOptions(int port, String botToken, String botName, int heartbeatIntervalMillis) {

    /** Discord's usual heartbeat interval. */
    public static final int DEFAULT_HEARTBEAT_MILLIS = 41_250;

    public SimpleOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (botToken == null || botToken.isBlank() || botToken.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bot token must be non-empty and contain no whitespace");
        }
        if (botName == null || botName.isBlank()) {
            throw new IllegalArgumentException("bot name must not be blank");
        }
        if (heartbeatIntervalMillis < 100) {
            throw new IllegalArgumentException("heartbeat interval must be at least 100 ms");
        }
    }

    public static SimpleOptions defaults() {
        return new SimpleOptions(0, randomToken(), "Tzurot", DEFAULT_HEARTBEAT_MILLIS);
    }

    public SimpleOptions withPort(int newPort) {
        return new SimpleOptions(newPort, botToken, botName, heartbeatIntervalMillis);
    }

    public SimpleOptions withBotToken(String token) {
        return new SimpleOptions(port, token, botName, heartbeatIntervalMillis);
    }

    public SimpleOptions withHeartbeatIntervalMillis(int millis) {
        return new SimpleOptions(port, botToken, botName, millis);
    }

    /** A random token shaped like a real one (three dot-separated base64 parts). */
    public static String randomToken() {
        SecureRandom random = new SecureRandom();
        return part(random, 18) + "." + part(random, 4) + "." + part(random, 27);
    }

    private static String part(SecureRandom random, int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    @Override
    public String toString() {
        return "SimpleOptions[port=" + port + ", botName=" + botName + ", heartbeatIntervalMillis="
                + heartbeatIntervalMillis + "]";
    }
}
