package io.tzurot.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.messaging.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventBus} shows inside one process; run against each implementation. */
abstract class EventBusContract {

    /** The bus under test, fresh per test. */
    protected abstract EventBus bus();

    @Test
    void listenersOfATopicReceiveItsEventsBeforePublishReturns() {
        EventBus bus = bus();
        List<ChangeEvent> personality = new CopyOnWriteArrayList<>();
        List<ChangeEvent> persona = new CopyOnWriteArrayList<>();
        bus.subscribe(EventTopic.PERSONALITY, personality::add);
        bus.subscribe(EventTopic.PERSONA, persona::add);

        bus.publish(ChangeEvent.of(EventTopic.PERSONALITY, "p1", "p2"));
        assertThat(personality).containsExactly(ChangeEvent.of(EventTopic.PERSONALITY, "p1", "p2"));
        assertThat(persona).isEmpty();

        bus.publish(ChangeEvent.all(EventTopic.PERSONA));
        assertThat(persona).singleElement().satisfies(e -> assertThat(e.isAll()).isTrue());
    }

    @Test
    void aClosedSubscriptionReceivesNothingAndOtherListenersStillDo() {
        EventBus bus = bus();
        List<ChangeEvent> first = new CopyOnWriteArrayList<>();
        List<ChangeEvent> second = new CopyOnWriteArrayList<>();
        Subscription subscription = bus.subscribe(EventTopic.DENYLIST, first::add);
        bus.subscribe(EventTopic.DENYLIST, second::add);
        subscription.close();
        bus.publish(ChangeEvent.of(EventTopic.DENYLIST, "u1"));
        assertThat(first).isEmpty();
        assertThat(second).hasSize(1);
    }

    @Test
    void aFailingListenerDoesNotKeepTheEventFromOthers() {
        EventBus bus = bus();
        List<ChangeEvent> seen = new CopyOnWriteArrayList<>();
        bus.subscribe(EventTopic.API_KEY, e -> {
            throw new IllegalStateException("listener bug");
        });
        bus.subscribe(EventTopic.API_KEY, seen::add);
        bus.publish(ChangeEvent.of(EventTopic.API_KEY, "user-1"));
        assertThat(seen).hasSize(1);
    }

    @Test
    void eventsAreValidated() {
        assertThatThrownBy(() -> ChangeEvent.of(EventTopic.PRESET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeEvent.of(EventTopic.PRESET, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bus().publish(null)).isInstanceOf(NullPointerException.class);
    }
}
