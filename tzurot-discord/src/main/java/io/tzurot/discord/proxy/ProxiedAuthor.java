package io.tzurot.discord.proxy;

import java.util.Objects;
import java.util.Optional;

/**
 * What PluralKit says of a message it posted: the human who wrote it ({@code senderId}), the deleted original, and
 * the system member it was sent as.
 */
public record ProxiedAuthor(String senderId, String originalId, String memberName, Optional<String> displayName) {

    public ProxiedAuthor {
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(memberName, "memberName");
        displayName = Objects.requireNonNullElse(displayName, Optional.<String>empty()).filter(s -> !s.isBlank());
    }

    /** How others in the channel see the speaker: the member's display name, else its name. */
    public String shownName() {
        return displayName.orElse(memberName);
    }
}
