package io.tzurot.testkit.discord.activity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The ordered, thread-safe record of everything the bot did, each with the moment the simulator recorded it. */
public final class ActivityLog {

    /** An activity and when it was recorded: {@link System#nanoTime()} (for spacing, not wall-clock time). */
    public record Timed(BotActivity activity, long nanoTime) {
    }

    private final List<BotActivity> entries = new CopyOnWriteArrayList<>();
    private final List<Timed> timed = new CopyOnWriteArrayList<>();
    private final List<Consumer<BotActivity>> listeners = new CopyOnWriteArrayList<>();

    public void record(BotActivity activity) {
        synchronized (this) {
            // both lists in the same order
            timed.add(new Timed(activity, System.nanoTime()));
            entries.add(activity);
        }
        listeners.forEach(l -> l.accept(activity));
    }

    /** Calls {@code listener} with every later activity, on the thread that recorded it (e.g. to time it). */
    public void listen(Consumer<BotActivity> listener) {
        listeners.add(listener);
    }

    public List<BotActivity> all() {
        return List.copyOf(entries);
    }

    /** Every activity with the moment it was recorded, in order (e.g. to check how far apart edits were). */
    public List<Timed> timed() {
        return List.copyOf(timed);
    }

    /** Every message the bot posted, in order. */
    public List<BotActivity.Posted> posts() {
        return entries.stream().filter(BotActivity.Posted.class::isInstance).map(BotActivity.Posted.class::cast)
                .toList();
    }

    public synchronized void clear() {
        entries.clear();
        timed.clear();
    }
}
