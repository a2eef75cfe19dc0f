package io.tzurot.app.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.tzurot.core.admin.MeterReading;
import io.tzurot.core.admin.MetricsSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code /admin metrics}: the main Micrometer meters of this process as short lines. */
public final class MeterSummary implements MetricsSource {

    /** The meters shown, in this order: replies, model calls, queue, Discord, JVM. */
    static final List<String> MAIN = List.of("tzurot.replies", "tzurot.reply.stage", "tzurot.model.requests",
            "tzurot.model.request", "tzurot.model.tokens", "tzurot.queue.pending", "tzurot.queue.lag",
            "tzurot.discord.gateway.ping", "jvm.memory.used", "process.cpu.usage", "jvm.threads.live");

    private final MeterRegistry registry;

    public MeterSummary(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public List<MeterReading> read() {
        List<MeterReading> out = new ArrayList<>();
        for (String name : MAIN) {
            if (name.equals("jvm.memory.used")) {
                double bytes = registry.find(name).gauges().stream().mapToDouble(Gauge::value).sum();
                if (bytes > 0) {
                    out.add(new MeterReading(name, String.format(Locale.ROOT, "%.0f MB", bytes / 1e6)));
                }
                continue;
            }
            registry.find(name).meters().stream().sorted(Comparator.comparing(m -> tags(m)))
                    .forEach(m -> out.add(new MeterReading(name + tags(m), value(m))));
        }
        return out;
    }

    private static String tags(Meter meter) {
        List<Tag> tags = meter.getId().getTags();
        return tags.isEmpty() ? "" : tags.stream().map(t -> t.getKey() + "=" + t.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String value(Meter meter) {
        if (meter instanceof Timer timer) {
            return String.format(Locale.ROOT, "%d, mean %.1f ms, max %.1f ms", timer.count(),
                    timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
        }
        if (meter instanceof Counter counter) {
            return String.format(Locale.ROOT, "%.0f", counter.count());
        }
        if (meter instanceof FunctionCounter counter) {
            return String.format(Locale.ROOT, "%.0f", counter.count());
        }
        if (meter instanceof Gauge gauge) {
            double v = gauge.value();
            return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3f", v);
        }
        StringBuilder text = new StringBuilder();
        meter.measure().forEach(m -> text.append(text.length() > 0 ? ", " : "").append(m.getStatistic().name()
                .toLowerCase(Locale.ROOT)).append(' ').append(String.format(Locale.ROOT, "%.1f", m.getValue())));
        return text.toString();
    }
}
