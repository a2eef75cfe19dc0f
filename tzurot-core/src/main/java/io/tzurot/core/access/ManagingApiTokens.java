package io.tzurot.core.access;

import java.util.List;
import java.util.UUID;

/** Lists and revokes bearer tokens: everyone manages their own, the bot owner may see and revoke all. */
public final class ManagingApiTokens {

    private final AccessRepository repository;

    public ManagingApiTokens(AccessRepository repository) {
        this.repository = repository;
    }

    /** The actor's own tokens, newest first (metadata only). */
    public List<ApiToken> listOwn(Actor actor) {
        return repository.listTokens(actor.userId());
    }

    /**
     * Every user's tokens, newest first.
     *
     * @throws AccessDeniedException unless the actor is the bot owner
     */
    public List<ApiToken> listAll(Actor actor) {
        if (!actor.owner()) {
            throw new AccessDeniedException("only the bot owner may list every user's tokens");
        }
        return repository.listAllTokens();
    }

    /**
     * Revokes the token at once. Returns false when there is no such token or it is someone else's and
     * the actor is not the owner; both look the same so that ids of other users' tokens do not leak.
     */
    public boolean revoke(Actor actor, UUID tokenId) {
        return repository.findToken(tokenId)
                .filter(token -> actor.mayManage(token.userId()))
                .map(token -> repository.deleteToken(token.id()))
                .orElse(false);
    }
}
