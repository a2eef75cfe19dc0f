package io.tzurot.discord.delivery;

/**
 * The name a character posts under (spec/discord.md §1.12): {@code {displayName} · {suffix}}, the suffix being
 * the part of the bot's name after {@code " · "} or {@code " | "}, or else the bot's whole name, so readers can
 * tell which bot speaks for the character. Webhook names are cut to Discord's {@value #MAX_LENGTH} characters
 * from the character's side.
 */
public final class WebhookNames {

    public static final int MAX_LENGTH = 80;
    private static final String SEPARATOR = " · ";

    private WebhookNames() {
    }

    /** The webhook username for a character shown as {@code displayName}, posted by the bot named {@code botName}. */
    public static String of(String displayName, String botName) {
        String suffix = suffix(botName);
        if (suffix.isEmpty()) {
            return cut(displayName, MAX_LENGTH);
        }
        String tail = SEPARATOR + cut(suffix, MAX_LENGTH / 2);
        return cut(displayName, MAX_LENGTH - tail.length()) + tail;
    }

    static String suffix(String botName) {
        String name = botName == null ? "" : botName.strip();
        for (String separator : new String[] {" · ", " | "}) {
            int at = name.indexOf(separator);
            if (at >= 0) {
                return name.substring(at + separator.length()).strip();
            }
        }
        return name;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
