package io.tzurot.core.limits;

import java.util.UUID;

/** Port: the bot owner's rate limits, stored with the admin settings row. */
public interface RateLimitsRepository {

    /** The stored limits, or {@link RateLimits#DEFAULTS} when none were set. */
    RateLimits get();

    /** Replaces the limits; {@code updatedBy} is the bot owner's user id. */
    void set(RateLimits limits, UUID updatedBy);
}
