package io.tzurot.web.admin;

import io.tzurot.core.access.AccessServices;
import io.tzurot.core.admin.AdminServices;
import io.tzurot.core.admin.CleaningUp;
import io.tzurot.core.admin.FleetHeartbeats;
import io.tzurot.core.admin.ManagingPresence;
import io.tzurot.core.admin.MeterReading;
import io.tzurot.core.admin.ReportingUsage;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.diagnostics.JdbiDiagnosticLogRepository;
import io.tzurot.storage.usage.JdbiUsageLogRepository;
import io.tzurot.web.AdminFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.server.WebServer;
import io.tzurot.web.testing.HttpHarness;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The web console with {@link AdminFeature} wired as the app wires it, over a fresh in-memory H2 database. */
final class AdminTestServer extends HttpHarness {

    final Database database;
    final AccessServices access;
    final InProcessKeyStore keys = new InProcessKeyStore();
    final JdbiUsageLogRepository usage;
    final WebConsole console;
    final WebServer server;

    AdminTestServer() {
        database = Database.open(DatabaseSettings.inMemory("admin" + UUID.randomUUID().toString().replace("-", "")));
        Clock clock = Clock.systemUTC();
        access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, TestServer.OPERATOR);
        usage = new JdbiUsageLogRepository(database);
        AdminServices admin = new AdminServices(new ReportingUsage(usage, clock),
                new CleaningUp(new JdbiConversationHistoryRepository(database), new JdbiDiagnosticLogRepository(database),
                        usage, clock), new ManagingPresence(keys), new FleetHeartbeats(keys),
                () -> List.of(new MeterReading("tzurot.replies{outcome=replied}", "3")),
                ManagementTestServer.useCases(ManagementTestServer.services(database, clock),
                        java.net.URI.create("http://127.0.0.1:9/v1")).settings());
        AdminFeature feature = new AdminFeature(() -> Optional.of(admin));
        console = new WebConsole(() -> Optional.of(access), "test", AdminFeature.SECTIONS, List.of(feature));
        server = WebServer.start("127.0.0.1", 0, List.of(console::register, feature.pages(console::page)));
    }

    @Override
    protected WebServer server() {
        return server;
    }

    String token(String discordId, boolean owner) {
        return access.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    HttpResponse<String> send(String method, String path, String bearer, String json) {
        return send(method, path, bearer, json == null ? null : "application/json", json);
    }

    @Override
    public void close() {
        server.close();
        keys.close();
        database.close();
    }
}
