package io.tzurot.testkit.discord.activity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The ordered, thread-safe record of everything the bot did. */
public final class ActivityLog {

    private final List<BotActivity> entries = new CopyOnWriteArrayList<>();
    private final List<Consumer<BotActivity>> listeners = new CopyOnWriteArrayList<>();

    public void record(BotActivity activity) {
        entries.add(activity);
        listeners.forEach(l -> l.accept(activity));
    }

    /** Calls {@code listener} with every later activity, on the thread that recorded it (e.g. to time it). */
    public void listen(Consumer<BotActivity> listener) {
        listeners.add(listener);
    }

    public List<BotActivity> all() {
        return List.copyOf(entries);
    }

    /** Every message the bot posted, in order. */
    public List<BotActivity.Posted> posts() {
        return entries.stream().filter(BotActivity.Posted.class::isInstance).map(BotActivity.Posted.class::cast)
                .toList();
    }

    public void clear() {
        entries.clear();
    }
}
