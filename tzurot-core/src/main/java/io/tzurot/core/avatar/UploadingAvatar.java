package io.tzurot.core.avatar;

import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.EditingPersonality;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Use case: a character's new avatar, for whoever may edit the character (its owner, the bot owner). The
 * caller's rights are checked before the image is read, so a refused caller never costs a download or a
 * decode; then the image passes the one rule of {@link AvatarImages} and is stored.
 */
public final class UploadingAvatar {

    /** The stored avatar: the character as saved (its {@code updatedAt} versions the avatar URL), type and size. */
    public record Stored(Personality personality, String mediaType, int bytes) {
    }

    private final ViewingPersonalities viewing;
    private final EditingPersonality editing;
    private final AvatarImages images;

    public UploadingAvatar(ViewingPersonalities viewing, EditingPersonality editing, AvatarImages images) {
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.editing = Objects.requireNonNull(editing, "editing");
        this.images = Objects.requireNonNull(images, "images");
    }

    /**
     * Checks rights, then the declared size, then reads and prepares the image and stores it.
     *
     * @param field         how the face names the image in its messages
     * @param declaredBytes the size announced before reading (a header, an attachment's size); -1 when unknown
     * @param read          reads the upload; called only once the caller and the size have passed
     */
    public Stored upload(Actor actor, String slug, String field, long declaredBytes, Supplier<byte[]> read) {
        viewing.editable(actor, slug);
        AvatarImages.requireSize(field, declaredBytes);
        byte[] stored = images.prepare(field, read.get());
        Personality after = editing.setAvatar(actor, slug, stored);
        return new Stored(after, AvatarImages.mediaType(stored), stored.length);
    }
}
