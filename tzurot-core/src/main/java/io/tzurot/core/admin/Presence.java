package io.tzurot.core.admin;

import io.tzurot.core.failure.DomainException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** The bot's status and activity as Discord shows them; {@link Kind#NONE} clears the activity. */
public record Presence(Kind kind, String text, Status status) {

    /** The online status shown next to the bot's name. */
    public enum Status {
        ONLINE, IDLE, DND, INVISIBLE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The status named {@code value} (blank means online). */
        public static Status parse(String value) {
            if (value == null || value.isBlank()) {
                return ONLINE;
            }
            String v = value.strip().toLowerCase(java.util.Locale.ROOT);
            return Arrays.stream(values()).filter(s -> s.label().equals(v)).findFirst().orElseThrow(() ->
                    DomainException.invalid("status", "Unknown status: expected online, idle, dnd or invisible."));
        }
    }

    /** Activity kinds by Discord's numbers (spec/discord.md §2.1 /admin presence). */
    public enum Kind {
        PLAYING(0), LISTENING(2), WATCHING(3), CUSTOM(4), COMPETING(5), NONE(99);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The kind with Discord's number {@code code}. */
        public static Kind of(int code) {
            return Arrays.stream(values()).filter(k -> k.code == code).findFirst().orElseThrow(() ->
                    DomainException.invalid("type", "Unknown activity type " + code
                            + ": expected 0 (Playing), 2 (Listening), 3 (Watching), 4 (Custom), 5 (Competing) or 99 (None)."));
        }
    }

    /** Discord's limit on an activity's text. */
    public static final int MAX_TEXT = 128;

    public Presence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        text = text == null ? "" : text.strip();
        if (kind == Kind.NONE) {
            text = "";
        } else if (text.isEmpty()) {
            throw DomainException.invalid("text", "Give the activity's text (1-" + MAX_TEXT + " characters).");
        } else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw DomainException.invalid("text", "The activity's text must be at most " + MAX_TEXT + " characters.");
        }
    }

    /** How it is kept in the key store: the kind's number, the status and the text, tab-separated. */
    public String encode() {
        return kind.code() + "\t" + status.label() + "\t" + text;
    }

    /** The presence {@link #encode()} wrote; empty for anything else. */
    public static Optional<Presence> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] parts = value.split("\t", 3);
        try {
            return Optional.of(new Presence(Kind.of(Integer.parseInt(parts[0])), parts.length > 2 ? parts[2] : "",
                    Status.parse(parts.length > 1 ? parts[1] : "")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
