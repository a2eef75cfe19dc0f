package io.tzurot.core.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedValuesIndentedAndEscaped() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", "quote \" slash \\ line\nend\u0001 ünï\u2028");
        m.put("n", 3);
        m.put("d", 0.5);
        m.put("nan", Double.NaN);
        m.put("ok", true);
        m.put("none", null);
        m.put("at", Instant.parse("2026-01-02T03:04:05Z"));
        m.put("id", UUID.fromString("00000000-0000-0000-0000-000000000001"));
        m.put("list", List.of(1, "a"));
        m.put("empty", List.of());
        m.put("obj", Map.of());
        m.put("nulls", Arrays.asList(null, null));
        assertThat(JsonWriter.write(m)).isEqualTo("""
                {
                  "text": "quote \\" slash \\\\ line\\nend\\u0001 ünï\\u2028",
                  "n": 3,
                  "d": 0.5,
                  "nan": null,
                  "ok": true,
                  "none": null,
                  "at": "2026-01-02T03:04:05Z",
                  "id": "00000000-0000-0000-0000-000000000001",
                  "list": [
                    1,
                    "a"
                  ],
                  "empty": [],
                  "obj": {},
                  "nulls": [
                    null,
                    null
                  ]
                }
                """);
    }
}
