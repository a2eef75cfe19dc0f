package io.tzurot.core.prompt;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person in the conversation, as their persona presents them.
 *
 * @param personaId persona id, matched by {@code from_id} in the chat log
 * @param name preferred name (or name) of the persona
 * @param pronouns pronouns, blank when unknown
 * @param about the persona's self-description, blank when none
 * @param active true for the speaker of the current message
 * @param guildInfo server membership details, when in a server
 * @param character true for another character of the scene (its id is its personality id, its about a short blurb)
 */
public record Participant(String personaId, String name, String pronouns, String about, boolean active,
        Optional<GuildInfo> guildInfo, boolean character) {

    /** A person. */
    public Participant(String personaId, String name, String pronouns, String about, boolean active,
                       Optional<GuildInfo> guildInfo) {
        this(personaId, name, pronouns, about, active, guildInfo, false);
    }

    /** Another character of the scene, with a short blurb about it. */
    public static Participant character(String personalityId, String name, String blurb) {
        return new Participant(personalityId, name, "", blurb, false, Optional.empty(), true);
    }

    /** Validates id and name. */
    public Participant {
        Objects.requireNonNull(personaId, "participant personaId must not be null");
        Objects.requireNonNull(name, "participant name must not be null");
        if (personaId.isBlank() || name.isBlank()) {
            throw new IllegalArgumentException("participant personaId and name must not be blank");
        }
        pronouns = pronouns == null ? "" : pronouns.strip();
        about = about == null ? "" : about.strip();
        guildInfo = Objects.requireNonNullElse(guildInfo, Optional.empty());
    }

    /**
     * Membership details on a server.
     *
     * @param roles role names, at most five are shown
     * @param displayColor hex colour such as "#FF00FF"
     * @param joined the day the member joined
     */
    public record GuildInfo(List<String> roles, Optional<String> displayColor, Optional<LocalDate> joined) {
        /** Copies the roles. */
        public GuildInfo {
            roles = List.copyOf(Objects.requireNonNull(roles, "roles must not be null"));
            displayColor = Objects.requireNonNullElse(displayColor, Optional.empty());
            joined = Objects.requireNonNullElse(joined, Optional.empty());
        }
    }
}
