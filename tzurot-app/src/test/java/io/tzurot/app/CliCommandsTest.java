package io.tzurot.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.cli.CliContext;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator-facing CLI contracts: personality create, chat (one-shot, inspect, failure), token create. */
class CliCommandsTest {

    @TempDir
    Path dir;

    private FakeModelServer model;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startModel() {
        model = FakeModelServer.start();
    }

    @AfterEach
    void stopModel() {
        model.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = Map.of("TZUROT_DATA_DIR", dir.resolve("data").toString(),
                "TZUROT_LLM_BASE_URL", model.baseUrl(), "TZUROT_LLM_API_KEY", "sk-test");
        return TzurotMain.run(new CliContext(env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void createAPersonalityThenChatWithItFromTheTerminal() {
        assertThat(run("personality", "create", "--name", "Ada Lovelace", "--character-info", "A mathematician.",
                "--personality-traits", "precise", "--system-prompt", "Always answer in one sentence.")).isZero();
        assertThat(stdout()).isEqualTo("ada-lovelace");

        model.enqueue(FakeReply.text("The Analytical Engine weaves algebraic patterns."));
        assertThat(run("chat", "ada-lovelace", "--user", "123456789012345678", "--channel", "555",
                "--message", "What is the Analytical Engine?")).isZero();
        assertThat(stdout()).isEqualTo("The Analytical Engine weaves algebraic patterns.");
        String system = model.requests().get(0).body().path("messages").path(0).path("content").asText();
        assertThat(system).contains("Always answer in one sentence.").contains("A mathematician.");

        model.enqueue(FakeReply.text("It computes Bernoulli numbers."));
        assertThat(run("chat", "ada-lovelace", "--user", "123456789012345678", "--channel", "555",
                "--message", "And what does it compute?", "--inspect")).isZero();
        assertThat(stdout()).startsWith("It computes Bernoulli numbers.")
                .contains("--- diagnostic record cli:").contains("\"systemPrompt\"").contains("\"attempts\"");
    }

    @Test
    void aFailedReplyPrintsTheUserFacingMessageAndExitsOne() {
        run("personality", "create", "--name", "Grace");
        model.enqueue(FakeReply.error(401, "bad key"));

        assertThat(run("chat", "grace", "--user", "42", "--message", "Hello")).isEqualTo(1);
        assertThat(stdout()).contains("did not accept the API key");
    }

    @Test
    void anUnknownCharacterIsAClearFailure() {
        assertThat(run("chat", "nobody", "--user", "42", "--message", "Hello")).isEqualTo(1);
        assertThat(stdout()).contains("don't know a character called \"nobody\"");
    }

    @Test
    void tokenCreatePrintsABearerToken() {
        assertThat(run("token", "create", "--user", "123456789012345678", "--owner")).isZero();
        assertThat(stdout()).startsWith("tzk_").doesNotContain(" ");
        assertThat(run("token", "create", "--user", "not-a-number")).isEqualTo(2);
    }

    @Test
    void listShowAndDeleteACharacter() {
        assertThat(run("personality", "create", "--name", "Hopper", "--private")).isZero();
        assertThat(run("personality", "list")).isZero();
        assertThat(stdout()).contains("hopper").contains("private");
        assertThat(run("personality", "show", "hopper")).isZero();
        assertThat(stdout()).contains("slug: hopper", "visibility: private");
        assertThat(run("personality", "show", "hopper", "--user", "77")).isEqualTo(1); // private: others can't see it
        assertThat(run("personality", "delete", "hopper")).isZero();
        assertThat(stdout()).isEqualTo("deleted hopper");
        assertThat(run("personality", "show", "hopper")).isEqualTo(1);
    }

    @Test
    void theCharacterRulesAreTheCoresAndRefusalsMapToExitCodes() {
        assertThat(run("personality", "create", "--name", "Turing")).isZero();
        assertThat(run("personality", "create", "--name", "Alan", "--slug", "turing")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("'turing' is already taken")
                .contains("--slug");
        assertThat(run("personality", "create", "--name", "Bad\u202Ename")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("text-direction").contains("--name");
        assertThat(run("personality", "create", "--name", "Ok", "--slug", "admin")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("reserved");
        assertThat(run("personality", "delete", "turing", "--user", "77")).as("public, but not theirs").isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Only the owner of 'turing' may change it.");
        assertThat(run("personality", "delete", "nobody-here")).isEqualTo(1);
        assertThat(run("personality", "show", "turing")).isZero();
    }
}
