package io.tzurot.core.reply;

import java.util.concurrent.CompletableFuture;

/** Reads an attachment's bytes from an allowed host, within size and time limits (an adapter in tzurot-ai). */
public interface AttachmentSource {

    /** Completes exceptionally when the host is not allowed, the file is too big or the fetch times out. */
    CompletableFuture<byte[]> read(AttachmentInput attachment);
}
