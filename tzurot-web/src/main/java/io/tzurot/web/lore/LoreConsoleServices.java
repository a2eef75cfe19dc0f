package io.tzurot.web.lore;

import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.activation.LoreUseCases;
import io.tzurot.core.persona.PersonaRepository;
import java.util.Objects;

/**
 * What the console's lorebook editor calls: editing books, attaching them (personas, channels, everything), the
 * keyword test, attaching to characters ({@link LorebookFiles}), and the caller's personas for the attach form.
 */
public record LoreConsoleServices(EditingLorebooks editing, LoreUseCases lore, LorebookFiles files,
                                  PersonaRepository personas) {

    public LoreConsoleServices {
        Objects.requireNonNull(editing, "editing");
        Objects.requireNonNull(lore, "lore");
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(personas, "personas");
    }
}
