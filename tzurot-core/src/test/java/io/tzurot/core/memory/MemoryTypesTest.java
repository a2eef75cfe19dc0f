package io.tzurot.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemoryTypesTest {

    private static final UUID PERSONA = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID PERSONALITY = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static float[] unit() {
        float[] v = new float[NewMemory.DIMENSIONS];
        v[0] = 1f;
        return v;
    }

    @Test
    void liveMemoryUsesTheDeterministicIdAndReferenceDefaults() {
        NewMemory m = NewMemory.live(PERSONA, PERSONALITY, "{user}: hi\n{assistant}: hello", unit(), "s1", "1", "2", T0);
        assertThat(m.id()).isEqualTo(DeterministicIds.memory(PERSONA, PERSONALITY, "{user}: hi\n{assistant}: hello"));
        assertThat(m.canonScope()).isEqualTo("session");
        assertThat(m.summaryType()).isEqualTo("conversation");
        assertThat(m.sourceSystem()).isEqualTo("tzurot-v3");
        assertThat(NewMemory.live(PERSONA, PERSONALITY, "x", unit(), null, null, null, T0).canonScope()).isEqualTo("personal");
        assertThat(m.toString()).doesNotContain("hello");
    }

    @Test
    void rejectsBadEmbeddingsAndContent() {
        assertThatThrownBy(() -> NewMemory.live(PERSONA, PERSONALITY, "x", new float[10], null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384");
        float[] nan = unit();
        nan[3] = Float.NaN;
        assertThatThrownBy(() -> NewMemory.live(PERSONA, PERSONALITY, "x", nan, null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> NewMemory.live(PERSONA, PERSONALITY, "  ", unit(), null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryValidatesLimitAndScore() {
        assertThat(MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), 0, 0.5).limit()).isZero();
        assertThatThrownBy(() -> MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), -1, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), 101, 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), 10, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), 10, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void queryCopiesAreIndependent() {
        MemoryQuery base = MemoryQuery.of(PERSONA, PersonalityScope.only(PERSONALITY), unit(), 10, 0.5);
        MemoryQuery narrowed = base.inChannels(Set.of("1")).createdBefore(T0).excluding(Set.of(PERSONA)).withLimit(3);
        assertThat(base.channelIds()).isEmpty();
        assertThat(base.createdBefore()).isEmpty();
        assertThat(narrowed.channelIds()).containsExactly("1");
        assertThat(narrowed.createdBefore()).contains(T0);
        assertThat(narrowed.excludedIds()).containsExactly(PERSONA);
        assertThat(narrowed.limit()).isEqualTo(3);
    }

    @Test
    void equalityComparesVectorsByValue() {
        assertThat(NewMemory.live(PERSONA, PERSONALITY, "x", unit(), null, null, null, T0))
                .isEqualTo(NewMemory.live(PERSONA, PERSONALITY, "x", unit(), null, null, null, T0))
                .hasSameHashCodeAs(NewMemory.live(PERSONA, PERSONALITY, "x", unit(), null, null, null, T0));
        float[] other = unit();
        other[1] = 0.5f;
        assertThat(NewMemory.live(PERSONA, PERSONALITY, "x", unit(), null, null, null, T0))
                .isNotEqualTo(NewMemory.live(PERSONA, PERSONALITY, "x", other, null, null, null, T0));
        assertThat(MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), 5, 0.5))
                .isEqualTo(MemoryQuery.of(PERSONA, PersonalityScope.across(), unit(), 5, 0.5))
                .isNotEqualTo(MemoryQuery.of(PERSONA, PersonalityScope.across(), other, 5, 0.5));
    }

    @Test
    void chunkPositionIsValidated() {
        assertThatThrownBy(() -> new MemoryChunk(PERSONA, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryChunk(PERSONA, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MemoryChunk(PERSONA, 2, 3).index()).isEqualTo(2);
    }

    @Test
    void pendingMemoryIdIsDeterministic() {
        PendingMemory p = PendingMemory.create(null, PERSONA, PERSONALITY, "text", "{}", T0);
        assertThat(p.id()).isEqualTo(DeterministicIds.pendingMemory(PERSONA, PERSONALITY, "text"));
        assertThat(p.attempts()).isZero();
    }
}
