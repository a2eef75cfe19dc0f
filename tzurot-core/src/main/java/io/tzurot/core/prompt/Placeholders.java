package io.tzurot.core.prompt;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces the character-card placeholders ({user}, {{char}}, ...) with the names of this conversation. */
public final class Placeholders {

    // {{user}} comes before {user} in the alternation so the double form is consumed whole.
    private static final Pattern USER = Pattern.compile("\\{\\{user\\}\\}|\\{user\\}", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSISTANT = Pattern.compile(
            "\\{\\{char\\}\\}|\\{assistant\\}|\\{shape\\}|\\{personality\\}", Pattern.CASE_INSENSITIVE);

    private final String userName;
    private final String assistantName;

    /** Placeholders for a user shown as {@code userName} talking to a personality shown as {@code assistantName}. */
    public Placeholders(String userName, String assistantName) {
        this.userName = requireText(userName, "userName");
        this.assistantName = requireText(assistantName, "assistantName");
    }

    /**
     * Names for a conversation: the user's persona name becomes {@code Name (@username)} when it equals the
     * personality's name, so the model can tell the two apart.
     */
    public static Placeholders forConversation(String personaName, String username, String personalityName,
            String personalityDisplayName) {
        String user = personaName == null || personaName.isBlank() ? "User" : personaName.strip();
        boolean collides = user.equalsIgnoreCase(personalityName) || user.equalsIgnoreCase(personalityDisplayName);
        if (collides && username != null && !username.isBlank()) {
            user = user + " (@" + username.strip() + ")";
        }
        String assistant = personalityDisplayName == null || personalityDisplayName.isBlank()
                ? personalityName : personalityDisplayName;
        return new Placeholders(user, assistant);
    }

    /** The name that {user} becomes. */
    public String userName() {
        return userName;
    }

    /** The name that {assistant}, {{char}}, {shape} and {personality} become. */
    public String assistantName() {
        return assistantName;
    }

    /** {@code text} with every placeholder replaced, case-insensitively; null becomes empty. */
    public String apply(String text) {
        if (text == null || text.indexOf('{') < 0) {
            return text == null ? "" : text;
        }
        String withUser = USER.matcher(text).replaceAll(Matcher.quoteReplacement(userName));
        return ASSISTANT.matcher(withUser).replaceAll(Matcher.quoteReplacement(assistantName));
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
