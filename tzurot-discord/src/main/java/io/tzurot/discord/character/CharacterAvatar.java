package io.tzurot.discord.character;

import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.avatar.UploadingAvatar;
import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;

/**
 * {@code /character avatar}: the attached image becomes the character's avatar through the same use case as the
 * web upload. Rights and the attachment's announced size are checked before it is downloaded, and at most one
 * byte over the limit is ever read, so a lying size costs nothing either.
 */
final class CharacterAvatar {

    /** What the image option is called, in every message about it. */
    static final String FIELD = "image";
    private static final long DOWNLOAD_SECONDS = 30;

    private final UploadingAvatar uploading;

    CharacterAvatar(UploadingAvatar uploading) {
        this.uploading = Objects.requireNonNull(uploading, "uploading");
    }

    /** Stores the avatar and says so; a domain error explains a refusal or a bad image. */
    String upload(Caller caller, String slug, Message.Attachment image) {
        UploadingAvatar.Stored stored = uploading.upload(caller.actor(), slug, FIELD, image.getSize(),
                () -> download(image));
        return "🖼️ **" + stored.personality().shownName() + "** has a new avatar; its next replies show it.";
    }

    private static byte[] download(Message.Attachment image) {
        try (InputStream in = image.getProxy().download().get(DOWNLOAD_SECONDS, TimeUnit.SECONDS)) {
            return in.readNBytes(AvatarImages.MAX_BYTES + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("❌ The image could not be downloaded from Discord; try again.");
        } catch (ExecutionException | TimeoutException | IOException e) {
            throw new CommandFailure("❌ The image could not be downloaded from Discord; try again.");
        }
    }
}
