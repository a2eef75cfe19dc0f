package io.tzurot.discord.context;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who wrote the message a forward carries. Discord's snapshot of a forwarded message holds its words but not its
 * author, so the original is read once through the forward's reference and remembered per forward. Only a message
 * of the same server is read (a forward from elsewhere says nothing about who is there); one that cannot be read
 * leaves the forward under its forwarder.
 */
final class ForwardOrigins {

    /** The original author of a forwarded message. */
    record Origin(String authorId, String shownName, String username) {
    }

    static final int REMEMBERED = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(ForwardOrigins.class);

    private final Map<Long, Optional<Origin>> known = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Optional<Origin>> eldest) {
            return size() > REMEMBERED;
        }
    });

    /** The author of what {@code forward} forwards; empty when it is not a forward or the original is unreadable. */
    Optional<Origin> of(Message forward) {
        MessageReference reference = forward.getMessageReference();
        if (reference == null || reference.getType() != MessageReference.MessageReferenceType.FORWARD
                || !forward.isFromGuild() || reference.getGuildIdLong() != forward.getGuild().getIdLong()) {
            return Optional.empty();
        }
        Optional<Origin> cached = known.get(forward.getIdLong());
        if (cached != null) {
            return cached;
        }
        // read outside the map's lock: a REST call must not hold up other replies
        Optional<Origin> origin = read(forward, reference);
        known.put(forward.getIdLong(), origin);
        return origin;
    }

    private static Optional<Origin> read(Message forward, MessageReference reference) {
        try {
            Message original = reference.resolve().complete();
            String shown = original.getMember() != null ? original.getMember().getEffectiveName()
                    : Optional.ofNullable(forward.getGuild().getMemberById(original.getAuthor().getIdLong()))
                    .map(m -> m.getEffectiveName()).orElse(original.getAuthor().getEffectiveName());
            return Optional.of(new Origin(original.getAuthor().getId(), shown, original.getAuthor().getName()));
        } catch (RuntimeException e) {
            LOG.debug("original of forward {} not read: {}", forward.getId(), e.getMessage());
            return Optional.empty();
        }
    }
}
