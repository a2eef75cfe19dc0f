package io.tzurot.discord.lore;

import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.activation.LoreUseCases;
import java.util.Objects;

/**
 * What {@code /lorebook} calls: editing books by hand, attaching them to personas, channels and everything, the
 * keyword test, and attaching them to characters ({@link LorebookFiles}, the rule of the character routes).
 */
public record LoreServices(EditingLorebooks editing, LoreUseCases lore, LorebookFiles files) {

    public LoreServices {
        Objects.requireNonNull(editing, "editing");
        Objects.requireNonNull(lore, "lore");
        Objects.requireNonNull(files, "files");
    }
}
