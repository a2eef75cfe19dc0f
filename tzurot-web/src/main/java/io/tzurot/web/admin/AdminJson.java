package io.tzurot.web.admin;

import io.tzurot.core.admin.CleaningUp;
import io.tzurot.core.admin.Heartbeat;
import io.tzurot.core.admin.MeterReading;
import io.tzurot.core.admin.UsageReport;
import io.tzurot.core.usage.UsageGroup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The admin routes' JSON bodies, shared by the API and the console page. */
final class AdminJson {

    private AdminJson() {
    }

    static Map<String, Object> usage(UsageReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("period", report.period().label());
        json.put("from", report.from().toString());
        json.put("to", report.to().toString());
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("requests", report.summary().total().requests());
        total.put("tokensIn", report.summary().total().tokensIn());
        total.put("tokensOut", report.summary().total().tokensOut());
        total.put("guestRequests", report.summary().guestRequests());
        json.put("total", total);
        json.put("byUser", groups(report.summary().byUser(), "userId", "discordId"));
        json.put("byCharacter", groups(report.summary().byPersonality(), "personalityId", "slug"));
        json.put("byModel", report.summary().byModel().stream().map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("model", g.name());
            counts(row, g);
            return row;
        }).toList());
        return json;
    }

    private static List<Map<String, Object>> groups(List<UsageGroup> groups, String keyName, String nameName) {
        return groups.stream().map(g -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put(keyName, g.key().isEmpty() ? null : g.key());
            row.put(nameName, g.key().isEmpty() ? null : g.name());
            counts(row, g);
            return row;
        }).toList();
    }

    private static void counts(Map<String, Object> row, UsageGroup g) {
        row.put("requests", g.requests());
        row.put("tokensIn", g.tokensIn());
        row.put("tokensOut", g.tokensOut());
    }

    static Map<String, Object> heartbeat(Heartbeat beat) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("processId", beat.processId());
        json.put("roles", beat.roles());
        json.put("version", beat.version());
        json.put("startedAt", beat.startedAt().toString());
        json.put("lastSeen", beat.at().toString());
        json.put("uptimeSeconds", beat.uptime().toSeconds());
        json.put("queueLag", beat.queueLag().isPresent() ? beat.queueLag().getAsLong() : null);
        return json;
    }

    static Map<String, Object> meter(MeterReading m) {
        return Map.of("name", m.name(), "value", m.value());
    }

    static Map<String, Object> cleanup(CleaningUp.Report report) {
        Map<String, Object> deleted = new LinkedHashMap<>();
        report.deleted().forEach((t, n) -> deleted.put(t.label(), n));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("days", report.days());
        json.put("cutoff", report.cutoff().toString());
        json.put("deleted", deleted);
        json.put("total", report.total());
        return json;
    }
}
