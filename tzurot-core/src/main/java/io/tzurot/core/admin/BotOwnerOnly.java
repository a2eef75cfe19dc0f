package io.tzurot.core.admin;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import java.util.Objects;

/** The one rule of every admin command and route: only the bot owner ({@code BOT_OWNER_ID}) may use it. */
public final class BotOwnerOnly {

    /** What anyone else is told. */
    public static final String REFUSAL = "Owner-only command: only the bot owner may use admin commands.";

    private BotOwnerOnly() {
    }

    /** @throws DomainException forbidden unless {@code actor} is the bot owner */
    public static void require(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.owner()) {
            throw DomainException.forbidden(REFUSAL);
        }
    }
}
