package io.tzurot.core.card;

import java.util.Objects;

/** The portability use cases every face calls: character import and export, standalone lorebooks. */
public record CardUseCases(ImportingCharacter importing, ExportingCharacter exporting, LorebookFiles lorebooks) {

    public CardUseCases {
        Objects.requireNonNull(importing, "importing");
        Objects.requireNonNull(exporting, "exporting");
        Objects.requireNonNull(lorebooks, "lorebooks");
    }
}
