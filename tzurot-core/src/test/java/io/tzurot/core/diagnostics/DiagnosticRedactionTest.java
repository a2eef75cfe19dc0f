package io.tzurot.core.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The system prompt section is cut out of a record's JSON without touching anything around it. */
class DiagnosticRedactionTest {

    private static DiagnosticLog log(String data) {
        return new DiagnosticLog(UUID.randomUUID(), "r1", null, List.of(), UUID.randomUUID(), "200", null, "w1", "m", "p", 1,
                data, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void theProtocolSectionIsReplacedAndTheRestKept() {
        String data = "{\"systemPrompt\":\"<persona>Kind</persona>\\n<protocol>\\nBe \\\"terse\\\" \\\\ always\\n</protocol>\\n"
                + "<chat_log>hi</chat_log>\",\"finalContent\":\"ok\"}";

        String redacted = ViewingDiagnostics.redacted(log(data)).dataJson();

        assertThat(redacted).isEqualTo("{\"systemPrompt\":\"<persona>Kind</persona>\\n<protocol>" + ViewingDiagnostics.REDACTED
                + "</protocol>\\n<chat_log>hi</chat_log>\",\"finalContent\":\"ok\"}");
    }

    @Test
    void aMatchNeverSpansTwoJsonStrings() {
        String data = "{\"a\":\"text <protocol> open\",\"b\":\"close </protocol> text\"}";
        assertThat(ViewingDiagnostics.redacted(log(data)).dataJson()).isEqualTo(data);
    }

    @Test
    void everyOccurrenceIsReplacedAndOtherFieldsStay() {
        DiagnosticLog original = log("{\"x\":\"<protocol>one</protocol>\",\"y\":\"<protocol>two</protocol>\"}");
        DiagnosticLog redacted = ViewingDiagnostics.redacted(original);
        assertThat(redacted.dataJson()).doesNotContain("one", "two");
        assertThat(redacted).usingRecursiveComparison().ignoringFields("dataJson").isEqualTo(original);
    }
}
