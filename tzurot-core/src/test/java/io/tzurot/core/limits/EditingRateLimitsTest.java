package io.tzurot.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EditingRateLimitsTest {

    private static final class Stored implements RateLimitsRepository {
        RateLimits limits = RateLimits.DEFAULTS;
        UUID by;

        @Override
        public RateLimits get() {
            return limits;
        }

        @Override
        public void set(RateLimits limits, UUID updatedBy) {
            this.limits = limits;
            this.by = updatedBy;
        }
    }

    private final Stored stored = new Stored();
    private final EditingRateLimits editing = new EditingRateLimits(stored);
    private final Actor owner = new Actor(UUID.randomUUID(), "1", true);
    private final Actor someone = new Actor(UUID.randomUUID(), "2", false);

    @Test
    void theBotOwnerChangesSomeLimitsAndTheOthersStay() {
        RateLimits after = editing.edit(owner, Map.of("repliesPerMinute", 3, "repliesInFlight", 7));
        assertThat(after).isEqualTo(new RateLimits(10, 3, 20, 30, 7)).isEqualTo(stored.limits);
        assertThat(stored.by).isEqualTo(owner.userId());
        assertThat(after.replyRefill()).isEqualTo(Duration.ofSeconds(20));
        assertThat(editing.reset(owner)).isEqualTo(RateLimits.DEFAULTS).isEqualTo(stored.limits);
    }

    @Test
    void nobodyElseMaySeeOrChangeThem() {
        assertThatThrownBy(() -> editing.view(someone)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isInstanceOf(DomainError.Forbidden.class));
        assertThatThrownBy(() -> editing.edit(someone, Map.of("replyBurst", 1))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> editing.reset(someone)).isInstanceOf(DomainException.class);
        assertThat(stored.by).isNull();
    }

    @Test
    void badValuesNameTheFieldAndStoreNothing() {
        assertInvalid(Map.of("replyBurst", 0), "replyBurst", "from 1 to 1000");
        assertInvalid(Map.of("repliesPerMinute", 6001), "repliesPerMinute", "from 1 to 6000");
        assertInvalid(Map.of("repliesInFlight", "many"), "repliesInFlight", "whole number");
        assertInvalid(Map.of("tokens", 3), "tokens", "Unknown limit");
        assertInvalid(Map.of(), null, "at least one");
        assertThat(stored.limits).isEqualTo(RateLimits.DEFAULTS);
        assertThat(stored.by).isNull();
    }

    private void assertInvalid(Map<String, ?> patch, String field, String message) {
        assertThatThrownBy(() -> editing.edit(owner, patch)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
            assertThat(e.error().field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
