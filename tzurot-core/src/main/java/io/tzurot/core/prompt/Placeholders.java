package io.tzurot.core.prompt;

import java.util.Objects;

/** Replaces the character-card placeholders ({user}, {{char}}, ...) with the names of this conversation. */
public final class Placeholders {

    /** The placeholders; {{user}} comes before {user} so the double form is taken whole. */
    private static final String[] FORMS = {"{{user}}", "{user}", "{{char}}", "{assistant}", "{shape}", "{personality}"};
    /** The first forms of {@link #FORMS} name the user, the rest the character. */
    private static final int USER_FORMS = 2;

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

    /**
     * {@code text} with every placeholder replaced, case-insensitively; null becomes empty. One pass by hand: every
     * recalled memory goes through here on every reply, and two case-insensitive regular expressions cost 3 % of a
     * worker's CPU. A name put in is not scanned again.
     */
    public String apply(String text) {
        if (text == null) {
            return "";
        }
        if (text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        int[] copied = {0};
        scan(text, (start, end, user) -> {
            out.append(text, copied[0], start).append(user ? userName : assistantName);
            copied[0] = end;
        });
        return copied[0] == 0 ? text : out.append(text, copied[0], text.length()).toString();
    }

    /** Told of each placeholder in a text, in order: its span and whether it names the user. */
    @FunctionalInterface
    interface Occurrences {
        void found(int start, int end, boolean user);
    }

    /** Finds the placeholders of {@code text} exactly as {@link #apply} replaces them. */
    static void scan(String text, Occurrences occurrences) {
        int brace = text.indexOf('{');
        while (brace >= 0) {
            int form = formAt(text, brace);
            if (form < 0) {
                brace = text.indexOf('{', brace + 1);
                continue;
            }
            int end = brace + FORMS[form].length();
            occurrences.found(brace, end, form < USER_FORMS);
            brace = text.indexOf('{', end);
        }
    }

    private static int formAt(String text, int at) {
        for (int i = 0; i < FORMS.length; i++) {
            if (text.regionMatches(true, at, FORMS[i], 0, FORMS[i].length())) {
                return i;
            }
        }
        return -1;
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
