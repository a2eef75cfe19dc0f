package io.tzurot.discord.admin;

import io.tzurot.core.admin.CleaningUp;
import io.tzurot.core.admin.Heartbeat;
import io.tzurot.core.admin.MeterReading;
import io.tzurot.core.admin.UsageReport;
import io.tzurot.core.usage.UsageGroup;
import io.tzurot.core.usage.UsageTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How {@code /admin} shows usage, clean-up, fleet health and metrics. */
final class AdminTexts {

    private AdminTexts() {
    }

    static String usage(UsageReport report) {
        UsageTotals t = report.summary().total();
        StringBuilder text = new StringBuilder("📊 **Usage, last ").append(report.period().label()).append("**\n")
                .append(t.requests()).append(t.requests() == 1 ? " reply" : " replies").append(" · ")
                .append(t.tokensIn()).append(" prompt + ").append(t.tokensOut()).append(" completion tokens · ")
                .append(report.summary().guestRequests()).append(" in guest mode");
        if (t.requests() == 0) {
            return text.append("\nNo usage in this period.").toString();
        }
        groups(text, "👤 Users", report.summary().byUser(), true);
        groups(text, "🎭 Characters", report.summary().byPersonality(), false);
        groups(text, "🤖 Models", report.summary().byModel(), false);
        return truncate(text.toString());
    }

    private static void groups(StringBuilder text, String title, List<UsageGroup> groups, boolean mention) {
        text.append("\n\n**").append(title).append("**");
        for (UsageGroup g : groups) {
            text.append("\n• ").append(mention ? "<@" + g.name() + ">" : "`" + g.name() + "`").append(": ")
                    .append(g.requests()).append(" · ").append(g.tokens()).append(" tokens");
        }
    }

    static String cleanup(CleaningUp.Report report) {
        StringBuilder text = new StringBuilder("🧹 **Cleaned up rows older than ").append(report.days())
                .append(report.days() == 1 ? " day" : " days").append("** (before <t:")
                .append(report.cutoff().getEpochSecond()).append(":f>)");
        report.deleted().forEach((target, n) -> text.append("\n• ").append(target.label()).append(": ").append(n)
                .append(" deleted"));
        return text.append("\nTotal: ").append(report.total()).toString();
    }

    static String health(List<Heartbeat> fleet, List<Long> pings, Instant now) {
        StringBuilder text = new StringBuilder("🩺 **Fleet health**\nThis process's gateway ping: ")
                .append(pings.isEmpty() ? "no shard" : pings.stream().map(p -> p + " ms").toList())
                .append("\n\n**").append(fleet.size()).append(fleet.size() == 1 ? " live process**" : " live processes**");
        if (fleet.isEmpty()) {
            text.append("\nNo heartbeat was seen recently.");
        }
        for (Heartbeat beat : fleet) {
            text.append("\n• **").append(beat.roles()).append("** `").append(beat.processId()).append("` v")
                    .append(beat.version()).append(" · up ").append(duration(beat.uptime()));
            beat.queueLag().ifPresent(lag -> text.append(" · queue lag ").append(lag));
            text.append(" · seen ").append(duration(Duration.between(beat.at(), now))).append(" ago");
        }
        return truncate(text.toString());
    }

    static String metrics(List<MeterReading> meters) {
        StringBuilder text = new StringBuilder("📈 **Metrics** (this process)");
        if (meters.isEmpty()) {
            text.append("\nNo meters are recorded in this process.");
        }
        for (MeterReading m : meters) {
            text.append("\n• `").append(m.name()).append("`: ").append(m.value());
        }
        return truncate(text.toString());
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
