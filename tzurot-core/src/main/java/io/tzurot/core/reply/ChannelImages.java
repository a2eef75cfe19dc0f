package io.tzurot.core.reply;

import io.tzurot.core.prompt.Attachment;
import io.tzurot.core.prompt.HistoryEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images of the channel's recent messages (spec/discord.md §1.7, "extended context"): the newest
 * {@code maxImages} of them, counted newest first across the messages shown, are described and attached to the
 * history entries of their messages; older ones stay as the name in the message's text.
 */
final class ChannelImages {

    private ChannelImages() {
    }

    /** One image to describe and the platform message it belongs to. */
    record Pending(String messageId, AttachmentInput image) {
    }

    /**
     * The newest {@code max} images of the channel messages in {@code shown} (the ones merged into the history as
     * entries of their own; a stored turn already holds its own images' descriptions), newest first.
     */
    static List<Pending> newest(List<ChannelMessage> channel, Set<String> shown, int max) {
        List<Pending> out = new ArrayList<>();
        for (int i = channel.size() - 1; i >= 0 && out.size() < max; i--) {
            ChannelMessage m = channel.get(i);
            if (!shown.contains(m.messageId())) {
                continue;
            }
            List<AttachmentInput> images = m.images();
            for (int j = images.size() - 1; j >= 0 && out.size() < max; j--) {
                out.add(new Pending(m.messageId(), images.get(j)));
            }
        }
        return out;
    }

    /** {@code history} with each described image attached to its message's entry, in the message's order. */
    static List<HistoryEntry> attach(List<HistoryEntry> history, List<Pending> images, List<Attachment> described) {
        if (images.isEmpty()) {
            return history;
        }
        Map<String, List<Attachment>> byMessage = new HashMap<>();
        // images came newest first; each message lists its own in posting order
        for (int i = images.size() - 1; i >= 0; i--) {
            byMessage.computeIfAbsent(images.get(i).messageId(), id -> new ArrayList<>()).add(described.get(i));
        }
        List<HistoryEntry> out = new ArrayList<>(history.size());
        for (HistoryEntry e : history) {
            List<Attachment> extra = e.messageIds().size() == 1 ? byMessage.get(e.messageIds().get(0)) : null;
            if (extra == null) {
                out.add(e);
                continue;
            }
            List<Attachment> all = new ArrayList<>(e.attachments());
            all.addAll(extra);
            out.add(new HistoryEntry(e.role(), e.speakerName(), e.speakerPersonaId(), e.speakerUsername(), e.createdAt(),
                    e.content(), e.tokenCount(), e.messageIds(), all, e.quoted()));
        }
        return out;
    }
}
