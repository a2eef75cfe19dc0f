package io.tzurot.core.limits;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import java.util.Map;
import java.util.Objects;

/** The bot owner reads and changes the per-user limits (admin tier); nobody else may. */
public final class EditingRateLimits {

    private final RateLimitsRepository repository;

    public EditingRateLimits(RateLimitsRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** The limits in force. */
    public RateLimits view(Actor actor) {
        requireOwner(actor);
        return repository.get();
    }

    /** Applies {@code patch} (JSON names, whole numbers) and returns the limits afterwards; nothing is stored on error. */
    public RateLimits edit(Actor actor, Map<String, ?> patch) {
        requireOwner(actor);
        if (patch.isEmpty()) {
            throw DomainException.invalid(null, "Name at least one limit to change.");
        }
        RateLimits next = repository.get().patched(patch);
        repository.set(next, actor.userId());
        return next;
    }

    /** Back to {@link RateLimits#DEFAULTS}. */
    public RateLimits reset(Actor actor) {
        requireOwner(actor);
        repository.set(RateLimits.DEFAULTS, actor.userId());
        return RateLimits.DEFAULTS;
    }

    private static void requireOwner(Actor actor) {
        if (!actor.owner()) {
            throw DomainException.forbidden("Only the bot owner may see or change the rate limits.");
        }
    }
}
