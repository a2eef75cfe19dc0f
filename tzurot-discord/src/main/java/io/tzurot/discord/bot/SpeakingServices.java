package io.tzurot.discord.bot;

import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.RecordingGhostTurn;
import java.util.Objects;

/** Where characters may speak (read on every message, changed by {@code /channel speaking}) and the ghost recorder. */
public record SpeakingServices(ChoosingWhereCharactersSpeak places, RecordingGhostTurn ghostTurns) {

    public SpeakingServices {
        Objects.requireNonNull(places, "places");
        Objects.requireNonNull(ghostTurns, "ghostTurns");
    }
}
