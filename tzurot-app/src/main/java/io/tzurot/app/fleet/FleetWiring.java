package io.tzurot.app.fleet;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.wiring.ModelComponents;
import io.tzurot.app.wiring.ReplyEngine;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.db.Database;
import java.time.Clock;

/** Builds the messaging and the reply engine of one process from its configuration. */
public final class FleetWiring {

    private FleetWiring() {
    }

    /** Redis under {@code TZUROT_REDIS_PREFIX} when {@code TZUROT_REDIS_URL} is set, else in this process. */
    public static Messaging messaging(TzurotConfig config) {
        return config.redisUrl()
                .map(url -> Messaging.redis(url.toString(), config.redisPrefix()))
                .orElseGet(Messaging::inProcess);
    }

    /** The reply engine on {@code database} with the configured provider and models. */
    public static ReplyEngine engine(TzurotConfig config, Database database, byte[] masterKey) {
        return new ReplyEngine(Repositories.of(database, Clock.systemUTC()),
                ModelComponents.real(config.llmBaseUrl().toString(), config.discordRestUrl(), config.llmTimeout()), masterKey,
                ReplyEngine.Settings.of(config), Clock.systemUTC());
    }

    /** A consumer name unique among live workers: host and process id. */
    public static String consumerName(String role) {
        String host = System.getenv().getOrDefault("HOSTNAME", "local").replaceAll("[^A-Za-z0-9_.-]", "");
        if (host.isEmpty() || host.length() > 60) {
            host = "local";
        }
        return role + "-" + host + "-" + ProcessHandle.current().pid();
    }
}
