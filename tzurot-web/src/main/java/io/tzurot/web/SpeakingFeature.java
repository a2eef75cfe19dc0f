package io.tzurot.web;

import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.speaking.SpeakingApi;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Where characters may speak: the API routes {@code /api/v1/admin/speaking/...} (bot owner only on the web). */
public final class SpeakingFeature implements Consumer<RouteRegistry> {

    private final Supplier<Optional<ChoosingWhereCharactersSpeak>> places;

    /** @param places the use case, empty while storage is still opening (routes answer 503 until then) */
    public SpeakingFeature(Supplier<Optional<ChoosingWhereCharactersSpeak>> places) {
        this.places = places;
    }

    @Override
    public void accept(RouteRegistry routes) {
        new SpeakingApi(places).register(routes);
    }
}
