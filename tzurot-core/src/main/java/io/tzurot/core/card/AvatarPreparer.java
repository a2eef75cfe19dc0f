package io.tzurot.core.card;

/** Port: checks an image and turns it into the avatar bytes to store (e.g. scaled down, re-encoded). */
@FunctionalInterface
public interface AvatarPreparer {

    /** @throws io.tzurot.core.failure.DomainException invalid {@code file} when it is not an acceptable image */
    byte[] prepare(byte[] image);
}
