package io.tzurot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentHistoryQueryTest {

    private static final UUID P = UUID.fromString("33333333-3333-3333-3333-333333333333");
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static RecentHistoryQuery query(Duration age, Instant reset) {
        return new RecentHistoryQuery("1", P, 50, Optional.ofNullable(age), Optional.ofNullable(reset), NOW);
    }

    @Test
    void theLaterOfAgeLimitAndResetBoundsTheWindow() {
        assertThat(query(null, null).lowerBoundExclusive()).isEmpty();
        assertThat(query(Duration.ofHours(1), null).lowerBoundExclusive()).contains(NOW.minusSeconds(3600));
        assertThat(query(null, NOW.minusSeconds(60)).lowerBoundExclusive()).contains(NOW.minusSeconds(60));
        assertThat(query(Duration.ofHours(1), NOW.minusSeconds(60)).lowerBoundExclusive()).contains(NOW.minusSeconds(60));
        assertThat(query(Duration.ofSeconds(30), NOW.minusSeconds(60)).lowerBoundExclusive()).contains(NOW.minusSeconds(30));
    }

    @Test
    void rejectsBadLimits() {
        assertThatThrownBy(() -> new RecentHistoryQuery("1", P, -1, Optional.empty(), Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> query(Duration.ofSeconds(-1), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createdMessagesCarryTheDeterministicIdAtMillisecondPrecision() {
        UUID persona = UUID.fromString("44444444-4444-4444-4444-444444444444");
        HistoryMessage m = HistoryMessage.create("123", null, P, persona, HistoryRole.USER, "hi", null, List.of(), "{}",
                NOW.plusNanos(1_999_999));
        assertThat(m.createdAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(m.id()).isEqualTo(DeterministicIds.conversationHistory("123", P, persona, NOW.toEpochMilli() + 1));
        assertThatThrownBy(() -> HistoryMessage.create("123456789012345678901", null, P, persona, HistoryRole.USER, "hi",
                null, List.of(), "{}", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
