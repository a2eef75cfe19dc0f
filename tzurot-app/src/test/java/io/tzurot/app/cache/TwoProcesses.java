package io.tzurot.app.cache;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fresh in-memory database and the real in-process bus, seen as the cache tests need them: {@code raw} writes
 * behind every cache's back (so a read served from a cache shows), {@code here} and {@code there} are two processes'
 * cached sets on one bus, and {@code announced} holds the changes of the topics the test listens to.
 */
final class TwoProcesses implements AutoCloseable {

    final Database database;
    final InProcessEventBus bus = new InProcessEventBus();
    final List<ChangeEvent> announced = new CopyOnWriteArrayList<>();
    final Repositories raw;
    final Repositories here;
    final Repositories there;

    TwoProcesses(String name, EventTopic... heard) {
        database = Database.open(DatabaseSettings.inMemory(name + UUID.randomUUID().toString().replace("-", "")));
        raw = Repositories.of(database, Clock.systemUTC());
        here = raw.cached(bus);
        there = raw.cached(bus);
        for (EventTopic topic : heard) {
            bus.subscribe(topic, announced::add);
        }
    }

    @Override
    public void close() {
        bus.close();
        database.close();
    }
}
