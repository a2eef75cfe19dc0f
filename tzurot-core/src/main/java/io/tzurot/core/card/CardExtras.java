package io.tzurot.core.card;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** What an imported card had beyond Tzurot's fields: its JSON (without the book) and its other assets. */
public record CardExtras(UUID personalityId, String cardJson, List<CardAsset> assets) {

    public CardExtras {
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(cardJson, "cardJson");
        assets = List.copyOf(assets);
    }
}
