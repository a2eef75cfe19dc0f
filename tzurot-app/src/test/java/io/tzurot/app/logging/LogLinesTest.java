package io.tzurot.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.app.TzurotMain;
import io.tzurot.app.cli.CliContext;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** JSON log lines, the request id and role on a reply's lines, provider errors in words, bad formats refused. */
class LogLinesTest {

    @TempDir
    Path dir;

    private final FakeModelServer model = FakeModelServer.start();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @AfterEach
    void detach() {
        root.detachAppender(captured);
        model.close();
    }

    @Test
    void everyLineOfAFailingReplyCarriesItsRequestIdAndRoleAndTheProviderError() throws Exception {
        captured.start();
        root.addAppender(captured);
        // the provider refuses with a code and a message, then with an empty object: neither may be logged as "{}"
        model.enqueue(FakeReply.raw(503, "application/json", "{\"error\":{\"code\":\"overloaded\",\"message\":\"Upstream busy\"}}"),
                FakeReply.raw(503, "application/json", "{}"), FakeReply.raw(503, "application/json", "{}"));
        TzurotConfig config = TzurotConfig.from(ConfigSources.load(Map.of("TZUROT_DATA_DIR", dir.resolve("data").toString(),
                "TZUROT_HTTP_PORT", "0", "TZUROT_LLM_BASE_URL", model.baseUrl(),
                "TZUROT_LLM_API_KEY", "sk-secretkey0123456789abcdef"), dir));
        Launcher launcher = new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (RunningTzurot running = launcher.start(config)) {
            Repositories repos = Repositories.of(running.database(), Clock.systemUTC());
            User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
            repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a librarian.", "patient")
                    .withPublic(true));
            ReplyOutcome outcome = running.replies().orElseThrow().reply(ReplyRequest.text("log-req-1", Platform.CLI,
                    new Speaker("100000000000000001", null, null), "ada", "cli", "Hello!", Instant.now())).join();
            assertThat(outcome).isInstanceOf(ReplyOutcome.Failed.class);
        }
        List<ILoggingEvent> providerLines = captured.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.tzurot.ai") || e.getFormattedMessage().contains("provider"))
                .toList();
        assertThat(providerLines).isNotEmpty();
        JsonLineLayout layout = new JsonLineLayout();
        ObjectMapper json = new ObjectMapper();
        for (ILoggingEvent line : providerLines) {
            JsonNode node = json.readTree(layout.doLayout(line));
            assertThat(node.path("requestId").asText()).as(line.getFormattedMessage()).isEqualTo("log-req-1");
            assertThat(node.path("role").asText()).as(line.getFormattedMessage()).isEqualTo("worker");
            assertThat(node.path("msg").asText()).doesNotContain("{}", "secretkey");
        }
        String all = String.join("\n", providerLines.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(all).contains("HTTP 503: [code overloaded] Upstream busy", "HTTP 503: (no message from the provider)");
    }

    @Test
    void theJsonLayoutWritesOneFlatObjectPerLine() throws Exception {
        JsonLineLayout.processRoles("api,worker");
        ch.qos.logback.classic.spi.LoggingEvent event = new ch.qos.logback.classic.spi.LoggingEvent("x", root,
                ch.qos.logback.classic.Level.WARN, "quota {} of {}", new IllegalStateException("boom"), new Object[]{3, 4});
        event.setMDCPropertyMap(Map.of("requestId", "r-9"));

        String line = new JsonLineLayout().doLayout(event);

        assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
        JsonNode node = new ObjectMapper().readTree(line);
        assertThat(node.path("level").asText()).isEqualTo("WARN");
        assertThat(node.path("msg").asText()).isEqualTo("quota 3 of 4");
        assertThat(node.path("requestId").asText()).isEqualTo("r-9");
        assertThat(node.path("role").asText()).isEqualTo("api,worker");
        assertThat(node.path("error").asText()).contains("IllegalStateException: boom");
        assertThat(Instant.parse(node.path("ts").asText())).isNotNull();
    }

    @Test
    void aBadLogFormatIsOneClearLineAndExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(Map.of("TZUROT_LOG_FORMAT", "xml", "TZUROT_DATA_DIR", dir.toString()), dir,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = TzurotMain.run(context, "config");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("error: TZUROT_LOG_FORMAT=xml is invalid: expected text or json");
    }

    @Test
    void jsonSwitchesTheConsoleAndTextSwitchesBack() {
        try {
            LogSetup.apply(io.tzurot.app.config.LogFormat.JSON, "worker");
            assertThat(consoleLayout()).isInstanceOf(JsonLineLayout.class);
        } finally {
            LogSetup.apply(io.tzurot.app.config.LogFormat.TEXT, "worker");
        }
        assertThat(consoleLayout()).isInstanceOf(ch.qos.logback.classic.PatternLayout.class);
    }

    private Object consoleLayout() {
        var console = (ch.qos.logback.core.ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
        return ((ch.qos.logback.core.encoder.LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
    }
}
