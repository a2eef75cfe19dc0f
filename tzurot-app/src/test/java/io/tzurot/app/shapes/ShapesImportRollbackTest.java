package io.tzurot.app.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.wiring.CardWiring;
import io.tzurot.app.wiring.ManagementWiring;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.access.Actor;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.shapes.ImportedShapes;
import io.tzurot.core.shapes.ImportingShapes;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.portability.JdbiImportJobRepository;
import io.tzurot.testkit.shapes.FakeShapesServer;
import io.tzurot.web.shapes.HttpShapesSource;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shapes.inc import that fails after the character and some memories were written leaves no row behind (the
 * whole import is one transaction on the real database), and the job records the failure; importing the same
 * file again then works.
 */
class ShapesImportRollbackTest {

    @TempDir
    Path dir;

    private Database database;
    private Repositories repos;
    private User user;
    private final AtomicInteger failOnInsert = new AtomicInteger(-1);

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.inMemory("shapes-rollback-" + UUID.randomUUID()));
        repos = Repositories.of(database, Clock.systemUTC());
        user = repos.users().getOrCreate(new DiscordUserProfile("500000000000000001", "dana", null, null, false), false);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aFailureHalfwayThroughTheMemoriesLeavesNothingAndIsRecorded() {
        ImportingShapes shapes = useCase();
        byte[] file = export(3);
        Actor actor = new Actor(user.id(), user.discordId(), false);
        failOnInsert.set(2); // the character and the first memory are written, then the second insert fails

        assertThatThrownBy(() -> shapes.importFile(actor, file)).isInstanceOf(IllegalStateException.class);
        assertThat(count("personalities")).isZero();
        assertThat(count("memories")).isZero();
        assertThat(statuses()).containsExactly("failed");

        failOnInsert.set(-1);
        ImportedShapes first = shapes.importFile(actor, file);
        assertThat(first.memoriesImported()).isEqualTo(3);
        assertThat(count("personalities")).isEqualTo(1);
        assertThat(count("memories")).isEqualTo(3);
        assertThat(statuses()).containsExactly("completed");
    }

    private ImportingShapes useCase() {
        TzurotConfig config = TzurotConfig.from(ConfigSources.load(Map.of("TZUROT_DATA_DIR", dir.toString()), dir));
        ManagementUseCases management = ManagementWiring.useCases(repos, config, new byte[32]);
        CardUseCases cards = CardWiring.useCases(repos, management, Clock.systemUTC());
        MemoryRepository real = repos.memories();
        AtomicInteger inserts = new AtomicInteger();
        // the real repository, except that the n-th insert fails as a lost connection would
        MemoryRepository failing = (MemoryRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MemoryRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insert") && inserts.incrementAndGet() == failOnInsert.get()) {
                        throw new IllegalStateException("connection lost while writing " + (NewMemory) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        EmbeddingModel embeddings = text -> {
            float[] v = new float[EmbeddingModel.DIMENSIONS];
            v[Math.floorMod(text.hashCode(), v.length)] = 1f;
            return v;
        };
        return new ImportingShapes(new ImportingShapes.Ports(new HttpShapesSource(java.net.URI.create("http://127.0.0.1:9"),
                Duration.ZERO), cards.importing(), management.creatingPersonality(), repos.personalities(),
                image -> image, failing, embeddings, repos.users(), new ResolvePersona(repos.users(), repos.personas(),
                repos.userPersonalityConfigs()), new JdbiImportJobRepository(database), new JdbiTransactions(database.jdbi()),
                Clock.systemUTC()));
    }

    private static byte[] export(int memories) {
        List<com.fasterxml.jackson.databind.node.ObjectNode> items = new java.util.ArrayList<>();
        for (int i = 0; i < memories; i++) {
            items.add(FakeShapesServer.memory("m" + i, "s1", "Memory number " + i + ".", 1_600_000_000L + i));
        }
        return FakeShapesServer.exportFile(new FakeShapesServer.Shape(FakeShapesServer.config("s1", "rollback-shape",
                "Rollback"), items, List.of(), null));
    }

    private List<String> statuses() {
        List<String> rows = database.jdbi().withHandle(h -> h.createQuery("SELECT status FROM import_jobs")
                .mapTo(String.class).list());
        return rows;
    }

    private int count(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }
}
