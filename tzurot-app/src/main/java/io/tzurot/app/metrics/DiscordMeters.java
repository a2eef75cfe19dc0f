package io.tzurot.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tzurot.discord.bot.DiscordBot;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;

/**
 * The Discord gateway: {@code tzurot_discord_gateway_ping_seconds{shard}} (the last heartbeat round trip, -1 before
 * the first) and {@code tzurot_discord_events_total{type}} by JDA event class, a closed set of library types.
 */
final class DiscordMeters implements EventListener {

    private final MeterRegistry registry;
    private final Map<Class<?>, Counter> events = new ConcurrentHashMap<>();
    private final List<JDA> shards = new java.util.ArrayList<>();

    private DiscordMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the meters; the caller keeps the result (Micrometer holds gauge sources weakly). */
    static DiscordMeters register(MeterRegistry registry, DiscordBot bot) {
        DiscordMeters meters = new DiscordMeters(registry);
        List<JDA> shards = bot.shards();
        meters.shards.addAll(shards);
        for (JDA shard : shards) {
            String id = Integer.toString(shard.getShardInfo().getShardId());
            Gauge.builder("tzurot.discord.gateway.ping", shard, j -> {
                long ms = j.getGatewayPing();
                return ms < 0 ? -1 : ms / 1000.0;
            }).tag("shard", id).baseUnit("seconds").description("Last gateway heartbeat round trip").register(registry);
            shard.addEventListener(meters);
        }
        return meters;
    }

    @Override
    public void onEvent(GenericEvent event) {
        events.computeIfAbsent(event.getClass(), type -> Counter.builder("tzurot.discord.events")
                .tag("type", type.getSimpleName()).description("Gateway events received, by type")
                .register(registry)).increment();
    }
}
