package io.tzurot.discord.portability;

import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.core.userdata.UserDataUseCases;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases behind the portability subcommands: character files, whole-data export and erasure, the
 * shapes.inc import (absent where the process has no embedding model), and the public base URL that links to a
 * finished export too large to attach (absent: the reply points to the web console instead).
 */
public record PortabilityServices(CardUseCases cards, UserDataUseCases userData, Optional<ImportingShapes> shapes,
                                  Optional<String> publicUrl) {

    public PortabilityServices {
        Objects.requireNonNull(cards, "cards");
        Objects.requireNonNull(userData, "userData");
        Objects.requireNonNull(shapes, "shapes");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }
}
