package io.tzurot.core.messaging;

import java.util.List;
import java.util.Objects;

/**
 * Announces that things of one kind changed, so caches evict them.
 *
 * @param topic what kind of thing changed
 * @param ids which ones (personality ids, user ids, channel ids, ...); empty means all of that kind
 */
public record ChangeEvent(EventTopic topic, List<String> ids) {

    /** Most ids one event may carry; announce "all" instead of more. */
    public static final int MAX_IDS = 1000;

    public ChangeEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(ids, "ids");
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " ids per event, got " + ids.size());
        }
        ids = List.copyOf(ids);
        for (String id : ids) {
            Names.requireName(id, "changed id", JobRequest.MAX_KEY_LENGTH);
        }
    }

    /** These ids of {@code topic} changed. */
    public static ChangeEvent of(EventTopic topic, String... ids) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("name at least one id, or use ChangeEvent.all");
        }
        return new ChangeEvent(topic, List.of(ids));
    }

    /** Everything of {@code topic} changed. */
    public static ChangeEvent all(EventTopic topic) {
        return new ChangeEvent(topic, List.of());
    }

    /** True when every cached thing of the topic must go. */
    public boolean isAll() {
        return ids.isEmpty();
    }
}
