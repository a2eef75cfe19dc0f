package io.tzurot.core.card;

import java.util.Map;
import java.util.Objects;

/**
 * A character in the reference's JSON (spec api.md §B.1): its text fields by API name, slug and visibility, and
 * the avatar from {@code avatarData} (or null).
 */
public record ReferenceCharacter(Map<String, String> text, String slug, boolean isPublic, byte[] avatar)
        implements CharacterFile {

    public ReferenceCharacter {
        text = Map.copyOf(Objects.requireNonNull(text, "text"));
        avatar = avatar == null ? null : avatar.clone();
    }

    @Override
    public byte[] avatar() {
        return avatar == null ? null : avatar.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceCharacter r && text.equals(r.text) && Objects.equals(slug, r.slug)
                && isPublic == r.isPublic && java.util.Arrays.equals(avatar, r.avatar);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, slug, isPublic);
    }
}
