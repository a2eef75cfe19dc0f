package io.tzurot.discord.bot;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import java.time.Clock;
import java.util.List;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps stored history true to Discord (spec/discord.md §1.9): an edited message's stored turn takes the new
 * text (and its edit time), a deleted message's turns are soft-deleted, so the next prompt shows what the
 * channel shows. Runs on the gateway thread, before later messages are handled, so their prompts see the change.
 */
final class HistorySync implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(HistorySync.class);

    private final ConversationHistoryRepository history;
    private final Clock clock;

    HistorySync(ConversationHistoryRepository history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public void onEvent(GenericEvent event) {
        try {
            if (event instanceof MessageUpdateEvent e && !e.getAuthor().isBot()) {
                String text = e.getMessage().getContentRaw().strip();
                if (!text.isEmpty()) {
                    history.findByDiscordMessageId(e.getMessageId()).filter(m -> m.deleted().isEmpty())
                            .filter(m -> !m.content().equals(text))
                            .ifPresent(m -> edit(m, text, e));
                }
            } else if (event instanceof MessageDeleteEvent e) {
                history.softDeleteByDiscordMessageIds(List.of(e.getMessageId()), clock.instant());
            } else if (event instanceof MessageBulkDeleteEvent e) {
                history.softDeleteByDiscordMessageIds(e.getMessageIds(), clock.instant());
            }
        } catch (RuntimeException ex) {
            // history sync is best effort: a failing write must not disturb the gateway thread
            LOG.warn("history sync for {} failed: {}", event.getClass().getSimpleName(), ex.getMessage());
        }
    }

    private void edit(HistoryMessage stored, String text, MessageUpdateEvent e) {
        java.time.Instant at = e.getMessage().getTimeEdited() != null ? e.getMessage().getTimeEdited().toInstant()
                : clock.instant();
        history.edit(stored.id(), text, null, at);
    }
}
