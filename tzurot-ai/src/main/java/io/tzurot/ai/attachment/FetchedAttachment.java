package io.tzurot.ai.attachment;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Downloaded bytes with the URL they finally came from and the declared content type. */
public record FetchedAttachment(URI url, byte[] bytes, Optional<String> contentType) {

    public FetchedAttachment {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(contentType, "contentType");
    }

    @Override
    public String toString() {
        return "FetchedAttachment[" + url + ", " + bytes.length + " bytes, " + contentType.orElse("?") + "]";
    }
}
