package io.tzurot.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./tzurot launcher bounds the heap: a default for the command and roles, or TZUROT_MAX_HEAP, checked first. */
class LauncherScriptIT {

    @TempDir
    Path dir;

    @Test
    void aBadMaxHeapIsOneLineAndExitTwo() throws Exception {
        for (String bad : new String[] {"lots", "64m", "100g"}) {
            try (TzurotProcess p = TzurotProcess.startWithLauncher(Map.of("TZUROT_MAX_HEAP", bad), "config")) {
                assertThat(p.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
                assertThat(p.output().strip()).isEqualTo("error: TZUROT_MAX_HEAP=" + bad
                        + " is invalid: expected a heap size such as 512m or 2g, from 128m to 64g");
            }
        }
    }

    @Test
    void theServerRunsWithTheConfiguredHeapOrItsDefault() throws Exception {
        Map<String, String> env = Map.of("TZUROT_DATA_DIR", dir.resolve("a").toString(), "TZUROT_HTTP_PORT", "0",
                "TZUROT_MAX_HEAP", "300m");
        try (TzurotProcess p = TzurotProcess.startWithLauncher(env, "start")) {
            p.awaitHttpPort(Duration.ofSeconds(90));
            assertThat(p.output()).containsPattern("heap\\s+max \\d+ MiB \\(TZUROT_MAX_HEAP=300m\\)");
            assertThat(HostileRequestsIT.maxHeapOf(p.pid())).isEqualTo(300L * 1024 * 1024);
            p.stop(Duration.ofSeconds(60));
        }
        Map<String, String> defaults = Map.of("TZUROT_DATA_DIR", dir.resolve("b").toString(), "TZUROT_HTTP_PORT", "0");
        try (TzurotProcess p = TzurotProcess.startWithLauncher(defaults, "start")) {
            p.awaitHttpPort(Duration.ofSeconds(90));
            assertThat(p.output()).contains("the default for this command and roles");
            assertThat(HostileRequestsIT.maxHeapOf(p.pid())).isEqualTo(768L * 1024 * 1024);
            p.stop(Duration.ofSeconds(60));
        }
    }

    @Test
    void defaultHeapsRunTheSerialCollectorUnlessTheOperatorChoosesOne() throws Exception {
        Map<String, String> defaults = Map.of("TZUROT_DATA_DIR", dir.resolve("c").toString(), "TZUROT_HTTP_PORT", "0");
        try (TzurotProcess p = TzurotProcess.startWithLauncher(defaults, "start")) {
            p.awaitHttpPort(Duration.ofSeconds(90));
            assertThat(HostileRequestsIT.vmFlagsOf(p.pid())).contains("-XX:+UseSerialGC", "-XX:InitialHeapSize=16777216");
            p.stop(Duration.ofSeconds(60));
        }
        Map<String, String> chosen = Map.of("TZUROT_DATA_DIR", dir.resolve("d").toString(), "TZUROT_HTTP_PORT", "0",
                "TZUROT_JAVA_OPTS", "-XX:+UseG1GC");
        try (TzurotProcess p = TzurotProcess.startWithLauncher(chosen, "start")) {
            p.awaitHttpPort(Duration.ofSeconds(90));
            assertThat(HostileRequestsIT.vmFlagsOf(p.pid())).contains("-XX:+UseG1GC").doesNotContain("UseSerialGC");
            p.stop(Duration.ofSeconds(60));
        }
        Map<String, String> large = Map.of("TZUROT_DATA_DIR", dir.resolve("e").toString(), "TZUROT_HTTP_PORT", "0",
                "TZUROT_MAX_HEAP", "2g");
        try (TzurotProcess p = TzurotProcess.startWithLauncher(large, "start")) {
            p.awaitHttpPort(Duration.ofSeconds(90));
            assertThat(HostileRequestsIT.vmFlagsOf(p.pid())).doesNotContain("UseSerialGC");
            p.stop(Duration.ofSeconds(60));
        }
    }

    @Test
    void aDistributedRoleOnASmallMachineRunsTheC1CompilerOnly() throws Exception {
        Map<String, String> distributed = Map.of("TZUROT_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none",
                "TZUROT_REDIS_URL", "redis://127.0.0.1:1", "TZUROT_JAVA_OPTS", "-XX:+PrintFlagsFinal");
        String expected = Runtime.getRuntime().availableProcessors() <= 2 ? "1" : "4";
        try (TzurotProcess p = TzurotProcess.startWithLauncher(distributed, "--version")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(p.output()).containsPattern("TieredStopAtLevel\\s+= " + expected + "\\s");
        }
        Map<String, String> chosen = Map.of("TZUROT_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none",
                "TZUROT_REDIS_URL", "redis://127.0.0.1:1", "TZUROT_JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal");
        try (TzurotProcess p = TzurotProcess.startWithLauncher(chosen, "--version")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(p.output()).containsPattern("TieredStopAtLevel\\s+= 4\\s");
        }
        try (TzurotProcess p = TzurotProcess.startWithLauncher(Map.of("TZUROT_JAVA_OPTS", "-XX:+PrintFlagsFinal"),
                "--version")) {
            assertThat(p.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(p.output()).as("the embedded profile keeps C2").containsPattern("TieredStopAtLevel\\s+= 4\\s");
        }
    }
}
