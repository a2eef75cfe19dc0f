package io.tzurot.discord.context;

import java.time.Duration;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord adds a link's preview (an embed) a moment after the message arrives. Before its embeds are read, a
 * message with a link and no embeds yet is fetched again after a short wait (spec/discord.md §1.8 step 4), so
 * the preview reaches the prompt. Messages without such a link pay nothing.
 */
final class LinkPreviews {

    private static final Logger LOG = LoggerFactory.getLogger(LinkPreviews.class);
    /** The reference's wait before the re-fetch. */
    static final Duration WAIT = Duration.ofMillis(2500);
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    /** Links to Discord messages become references, never previews. */
    private static final Pattern MESSAGE_LINK = Pattern.compile(
            "https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/channels/\\S+");

    private LinkPreviews() {
    }

    /** Whether a preview may still be on its way: a link other than a Discord message link, and no embed yet. */
    static boolean mayGainPreview(Message message) {
        if (!message.getEmbeds().isEmpty()) {
            return false;
        }
        String withoutMessageLinks = MESSAGE_LINK.matcher(message.getContentRaw()).replaceAll(" ");
        return LINK.matcher(withoutMessageLinks).find();
    }

    /** The message as it is after the wait, or as it was when the wait or the fetch fails. Blocking. */
    static Message settled(Message message) {
        if (!mayGainPreview(message)) {
            return message;
        }
        try {
            Thread.sleep(WAIT.toMillis());
            return message.getChannel().retrieveMessageById(message.getIdLong()).complete();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return message;
        } catch (RuntimeException e) {
            LOG.debug("message {} not fetched again for its link preview: {}", message.getId(), e.getMessage());
            return message;
        }
    }
}
