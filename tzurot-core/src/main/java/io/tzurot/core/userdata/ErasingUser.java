package io.tzurot.core.userdata;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.util.Locale;
import java.util.Objects;

/**
 * Account erasure: the user themself or the bot owner removes every row of the user (personas, presets,
 * characters the user created, memories with their vectors, history, keys, settings, tokens, jobs). The
 * characters the user created go too, as in the reference (they belong to the user), and with them the
 * conversations and memories others had with them; others' own data and public characters the user did
 * not create stay. The caller types {@link #CONFIRMATION} to confirm.
 */
public final class ErasingUser {

    /** The phrase a person types to confirm, in any case. */
    public static final String CONFIRMATION = "DELETE MY DATA";

    /** What erasure would remove, or did remove, for whom. */
    public record Report(String discordId, ErasureCounts counts) {
    }

    private final UserRepository users;
    private final UserErasure erasure;
    private final EventBus events;

    /** @param events where the erasure is announced, so every process drops what it cached of the user */
    public ErasingUser(UserRepository users, UserErasure erasure, EventBus events) {
        this.users = Objects.requireNonNull(users, "users");
        this.erasure = Objects.requireNonNull(erasure, "erasure");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** What erasing {@code target} ("me" or a Discord id) would remove. */
    public Report preview(Actor actor, String target) {
        User user = DataRights.target(users, actor, target);
        return new Report(user.discordId(), erasure.count(user.id()));
    }

    /** Erases {@code target} once {@code confirmation} is the typed phrase. */
    public Report erase(Actor actor, String target, String confirmation) {
        User user = DataRights.target(users, actor, target);
        if (confirmation == null || !confirmation.trim().toUpperCase(Locale.ROOT).equals(CONFIRMATION)) {
            throw DomainException.invalid("confirmation", "Type '" + CONFIRMATION + "' to confirm; erasure cannot be undone.");
        }
        ErasureCounts removed = erasure.erase(user.id());
        // the rows went around the caching repositories; erasure is rare, so every cache starts over
        for (EventTopic topic : EventTopic.values()) {
            events.publish(ChangeEvent.all(topic));
        }
        return new Report(user.discordId(), removed);
    }
}
