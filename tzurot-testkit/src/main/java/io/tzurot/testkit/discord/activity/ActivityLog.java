package io.tzurot.testkit.discord.activity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The ordered, thread-safe record of everything the bot did. */
public final class ActivityLog {

    private final List<BotActivity> entries = new CopyOnWriteArrayList<>();

    public void record(BotActivity activity) {
        entries.add(activity);
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
