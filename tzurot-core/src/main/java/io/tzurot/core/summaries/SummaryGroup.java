package io.tzurot.core.summaries;

import java.util.Objects;
import java.util.UUID;

/**
 * One conversation's old, not yet summarized memories in one calendar week: persona × character × channel (memories
 * are scoped by channel when a reply restricts its search to it).
 *
 * @param ownerId         the persona's owner (whose incognito and key apply)
 * @param channelId       the channel the memories were made in; null for memories without one
 * @param week            the {@link SummaryWindow} number
 * @param count           how many such memories the week holds
 * @param personaName     the persona's preferred name, else its name
 * @param personalityName the character's display name, else its name
 */
public record SummaryGroup(UUID personaId, UUID ownerId, UUID personalityId, String channelId, long week, int count,
                           String personaName, String personalityName) {

    public SummaryGroup {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(personaName, "personaName");
        Objects.requireNonNull(personalityName, "personalityName");
    }
}
