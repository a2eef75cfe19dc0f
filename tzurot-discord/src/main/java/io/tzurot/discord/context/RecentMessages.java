package io.tzurot.discord.context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.events.session.SessionResumeEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The newest {@value #PER_CHANNEL} messages of each channel the bot has needed context for, so a busy channel
 * costs one history read rather than one per reply: the first request reads the channel's history once, and
 * the gateway's create, update and delete events keep the window current from then on. A window is read again
 * after {@link #REFRESH} (reactions and missed events), and every window is dropped when the gateway session is
 * resumed or recreated, since events may have been missed meanwhile.
 */
public final class RecentMessages implements EventListener {

    /** Messages kept per channel: the most a request can use. */
    public static final int PER_CHANNEL = 100;
    /** Channels kept; the least recently used is forgotten first. */
    public static final int MAX_CHANNELS = 500;
    /** How long a window is trusted before it is read again. */
    public static final Duration REFRESH = Duration.ofMinutes(10);

    private final Clock clock;
    private final Map<String, Window> windows = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_CHANNELS;
        }
    };

    public RecentMessages(Clock clock) {
        this.clock = clock;
    }

    /** One channel's messages by id (ids grow with time), and when its history was last read. */
    private static final class Window {
        final NavigableMap<Long, Message> messages = new TreeMap<>();
        Instant readAt;
        /** Set while one request reads the history; others wait for it instead of reading again. */
        CompletableFuture<Void> reading;

        void put(Message message) {
            messages.put(message.getIdLong(), message);
            while (messages.size() > PER_CHANNEL) {
                messages.pollFirstEntry();
            }
        }
    }

    /**
     * The channel's messages before {@code trigger}, oldest first (at most {@value #PER_CHANNEL}); reads the
     * channel's newest history page through REST only when the window is new or stale. Blocking: call off the
     * event thread.
     */
    public List<Message> before(Message trigger) {
        MessageChannel channel = trigger.getChannel();
        Window window;
        synchronized (windows) {
            window = windows.computeIfAbsent(channel.getId(), id -> new Window());
        }
        CompletableFuture<Void> reading;
        boolean mine = false;
        Instant now = clock.instant();
        synchronized (window) {
            if (window.reading == null && (window.readAt == null || window.readAt.plus(REFRESH).isBefore(now))) {
                window.reading = new CompletableFuture<>();
                mine = true;
            }
            reading = window.reading;
        }
        if (mine) {
            // read outside the lock, so gateway events are never held up by a REST call
            try {
                // the newest page, not the page before this trigger: a burst's later triggers were posted
                // before this window existed, and this one read covers them too
                List<Message> page = channel.getHistory().retrievePast(PER_CHANNEL).complete();
                synchronized (window) {
                    // an event that arrived meanwhile is newer than the page's copy of that message
                    page.forEach(m -> window.messages.putIfAbsent(m.getIdLong(), m));
                    while (window.messages.size() > PER_CHANNEL) {
                        window.messages.pollFirstEntry();
                    }
                    window.readAt = now;
                }
            } finally {
                synchronized (window) {
                    window.reading = null;
                }
                reading.complete(null);
            }
        } else if (reading != null) {
            reading.join();
        }
        synchronized (window) {
            return new ArrayList<>(window.messages.headMap(trigger.getIdLong(), false).values());
        }
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof MessageReceivedEvent e) {
            withWindow(e.getChannel().getId(), w -> w.put(e.getMessage()));
        } else if (event instanceof MessageUpdateEvent e) {
            withWindow(e.getChannel().getId(), w -> {
                if (w.messages.containsKey(e.getMessageIdLong())) {
                    w.messages.put(e.getMessageIdLong(), e.getMessage());
                }
            });
        } else if (event instanceof MessageDeleteEvent e) {
            withWindow(e.getChannel().getId(), w -> w.messages.remove(e.getMessageIdLong()));
        } else if (event instanceof MessageBulkDeleteEvent e) {
            withWindow(e.getChannel().getId(), w -> removeAll(w, e.getMessageIds()));
        } else if (event instanceof SessionResumeEvent || event instanceof SessionRecreateEvent) {
            synchronized (windows) {
                windows.clear();
            }
        }
    }

    private static void removeAll(Window window, Collection<String> ids) {
        ids.forEach(id -> window.messages.remove(Long.parseUnsignedLong(id)));
    }

    /** Applies an event to a window that exists (a channel nobody asked about is not tracked). */
    private void withWindow(String channelId, java.util.function.Consumer<Window> change) {
        Window window;
        synchronized (windows) {
            window = windows.get(channelId);
        }
        if (window != null) {
            synchronized (window) {
                change.accept(window);
            }
        }
    }
}
