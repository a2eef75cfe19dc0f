package io.tzurot.web.cards;

import io.tzurot.core.access.AccessServices;
import io.tzurot.core.card.AvatarPreparer;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.card.ExportingCharacter;
import io.tzurot.core.card.ImportingCharacter;
import io.tzurot.core.card.LorebookFiles;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.card.JdbiCardExtrasRepository;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.lorebook.JdbiLorebookRepository;
import io.tzurot.testkit.MutableClock;
import io.tzurot.web.CardFeature;
import io.tzurot.web.ManagementFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.web.server.WebServer;
import io.tzurot.web.testing.HttpHarness;
import io.tzurot.web.testing.ManagementRepos;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The console with the management and card features wired as the app wires them, over in-memory H2. */
public final class CardTestServer extends HttpHarness {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Database database;
    final AccessServices access;
    final ManagementRepos repos;
    final WebServer server;

    CardTestServer() {
        database = Database.open(DatabaseSettings.inMemory("cards" + UUID.randomUUID().toString().replace("-", "")));
        access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, TestServer.OPERATOR);
        repos = ManagementTestServer.services(database, clock);
        ManagementUseCases management = ManagementTestServer.useCases(repos, URI.create("http://127.0.0.1:9"));
        CardUseCases cards = useCases(database, repos, management, clock);
        ManagementFeature managementFeature = new ManagementFeature(() -> Optional.of(management));
        CardFeature cardFeature = new CardFeature(() -> Optional.of(cards));
        WebConsole console = new WebConsole(() -> Optional.of(access), "test", ManagementFeature.SECTIONS,
                List.of(managementFeature, cardFeature));
        server = WebServer.start("127.0.0.1", 0, List.of(console::register, cardFeature.pages(console::page),
                managementFeature.pages(console::page)));
    }

    /** The card use cases as the app builds them. */
    public static CardUseCases useCases(Database database, ManagementRepos repos, ManagementUseCases management,
                                 java.time.Clock clock) {
        var jdbi = database.jdbi();
        var lorebooks = new JdbiLorebookRepository(jdbi, clock);
        var extras = new JdbiCardExtrasRepository(jdbi, clock);
        var codec = new FileCardCodec();
        var tx = new JdbiTransactions(jdbi);
        AvatarPreparer avatars = image -> {
            try {
                return AvatarImages.SHARED.prepare("file", image);
            } catch (DomainException e) {
                if (e.error() instanceof DomainError.InvalidField) {
                    throw DomainException.invalid("file", "The card's image: " + e.getMessage());
                }
                throw e;
            }
        };
        return new CardUseCases(new ImportingCharacter(codec, management.creatingPersonality(),
                management.editingPersonality(), management.viewingPersonalities(), repos.personalities(), lorebooks,
                extras, avatars, tx),
                new ExportingCharacter(codec, management.viewingPersonalities(), repos.personalities(),
                        Optional.of(repos.systemPrompts()), lorebooks, extras),
                new LorebookFiles(codec, lorebooks, management.viewingPersonalities(), tx));
    }

    @Override
    protected WebServer server() {
        return server;
    }

    String token(String discordId, boolean owner) {
        return access.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    /** A multipart/form-data POST with the file in field {@code file} and further text fields (name, value, ...). */
    HttpResponse<String> upload(String path, String bearer, String fileName, byte[] content, String... fields) {
        String boundary = "----tzurot" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return exchange(HttpRequest.newBuilder(URI.create(base() + path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary), bearer,
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String bearer) {
        return exchange(HttpRequest.newBuilder(URI.create(base() + path)).GET(), bearer, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
