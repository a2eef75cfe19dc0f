package io.tzurot.discord.context;

import io.tzurot.core.reply.AttachmentInput;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.dv8tion.jda.api.entities.Message;

/** Discord attachments as the engine's {@link AttachmentInput}s; a voice message is flagged with its length. */
public final class Attachments {

    private Attachments() {
    }

    public static List<AttachmentInput> of(Message message) {
        boolean voiceMessage = message.getFlags().contains(Message.MessageFlag.IS_VOICE_MESSAGE);
        return of(message.getAttachments(), voiceMessage);
    }

    /**
     * The message's first audio attachment (a voice message or an audio file), if any; a forwarded message's
     * recording counts as the message's own (spec/discord.md §1.7).
     */
    public static Optional<AttachmentInput> firstAudio(Message message) {
        return java.util.stream.Stream.concat(of(message).stream(), message.getMessageSnapshots().stream()
                        .flatMap(s -> of(s.getAttachments(), s.getFlags().contains(Message.MessageFlag.IS_VOICE_MESSAGE))
                                .stream()))
                .filter(AttachmentInput::isAudio).findFirst();
    }

    public static List<AttachmentInput> of(List<Message.Attachment> attachments, boolean voiceMessage) {
        return attachments.stream().map(a -> of(a, voiceMessage)).toList();
    }

    static AttachmentInput of(Message.Attachment a, boolean voiceMessage) {
        double duration = a.getDuration();
        // Discord only sets a duration on voice messages, so it marks one even without the message flag
        boolean voice = voiceMessage || duration > 0;
        return new AttachmentInput(a.getId(), a.getUrl(), a.getFileName(), a.getContentType(), a.getSize(), voice,
                duration > 0 ? OptionalDouble.of(duration) : OptionalDouble.empty());
    }
}
