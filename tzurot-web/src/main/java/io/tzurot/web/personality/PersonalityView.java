package io.tzurot.web.personality;

import io.tzurot.core.personality.Personality;
import java.util.List;

/**
 * A personality as the API shows it. {@code avatarUrl} carries the last change time so browsers
 * refetch a replaced avatar.
 */
public record PersonalityView(String id, String slug, String name, String displayName, String characterInfo,
                              String personalityTraits, String tone, String age, String appearance, String likes,
                              String dislikes, String conversationalGoals, String conversationalExamples,
                              String errorMessage, boolean isPublic, String ownerId, boolean isOwned, boolean canEdit,
                              Boolean hasAvatar, String avatarUrl, List<String> aliases, String createdAt,
                              String updatedAt) {

    /**
     * @param hasAvatar null when not looked up (lists)
     * @param aliases   null when not looked up (lists)
     */
    public static PersonalityView of(Personality p, java.util.UUID viewer, boolean canEdit, Boolean hasAvatar,
                                     List<String> aliases) {
        return new PersonalityView(p.id().toString(), p.slug(), p.name(), p.displayName(), p.characterInfo(),
                p.personalityTraits(), p.tone(), p.age(), p.appearance(), p.likes(), p.dislikes(),
                p.conversationalGoals(), p.conversationalExamples(), p.errorMessage(), p.isPublic(),
                p.ownerId().toString(), p.ownerId().equals(viewer), canEdit, hasAvatar, avatarUrl(p), aliases,
                String.valueOf(p.createdAt()), String.valueOf(p.updatedAt()));
    }

    /** The avatar's address, versioned by the last change. */
    public static String avatarUrl(Personality p) {
        return "/avatars/" + p.slug() + ".png" + (p.updatedAt() == null ? "" : "?v=" + p.updatedAt().toEpochMilli());
    }

    /** The name shown to users. */
    public String shownName() {
        return displayName != null ? displayName : name;
    }
}
