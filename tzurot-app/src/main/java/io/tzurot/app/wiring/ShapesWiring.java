package io.tzurot.app.wiring;

import io.tzurot.ai.embedding.BgeSmallEmbeddingModel;
import io.tzurot.ai.http.LazyHttpClient;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.portability.JdbiImportJobRepository;
import io.tzurot.web.shapes.HttpShapesSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Builds the shapes.inc import use case every face calls. */
public final class ShapesWiring {

    /** The pause between two calls to shapes.inc (the reference's pace; the site asks for no faster). */
    public static final Duration GAP = Duration.ofSeconds(1);

    private ShapesWiring() {
    }

    /**
     * The pause between calls to the site at {@code baseUrl}: {@link #GAP}, except for a site on this machine (a
     * local mirror or the test fake), which needs no courtesy pause.
     */
    public static Duration gap(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost();
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") ? Duration.ZERO : GAP;
    }

    /** The use case for a command-line process: the process's own embedding model, loaded on first use. */
    public static ImportingShapes useCase(Repositories repos, ManagementUseCases management, CardUseCases cards,
                                          URI baseUrl, Clock clock) {
        return useCase(repos, management, cards, LazyEmbeddingModel.shared(BgeSmallEmbeddingModel::new), baseUrl,
                gap(baseUrl), clock);
    }

    /** The use case over {@code repos}, reading from {@code baseUrl} ({@code TZUROT_SHAPES_BASE_URL}). */
    public static ImportingShapes useCase(Repositories repos, ManagementUseCases management, CardUseCases cards,
                                          EmbeddingModel embeddings, URI baseUrl, Duration gap, Clock clock) {
        return new ImportingShapes(new ImportingShapes.Ports(new HttpShapesSource(baseUrl, gap,
                LazyHttpClient.of(HttpShapesSource::newClient)), cards.importing(),
                management.creatingPersonality(), repos.personalities(), CardWiring.avatars(), repos.memories(),
                embeddings, repos.users(), new ResolvePersona(repos.users(), repos.personas(), repos.userPersonalityConfigs()),
                new JdbiImportJobRepository(repos.database()), new JdbiTransactions(repos.database().jdbi()), clock));
    }
}
