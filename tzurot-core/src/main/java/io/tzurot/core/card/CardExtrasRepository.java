package io.tzurot.core.card;

import java.util.Optional;
import java.util.UUID;

/** Port: the card JSON and assets kept with a character imported from a card. */
public interface CardExtrasRepository {

    /** Creates or replaces the character's card extras. */
    void save(CardExtras extras);

    Optional<CardExtras> find(UUID personalityId);
}
