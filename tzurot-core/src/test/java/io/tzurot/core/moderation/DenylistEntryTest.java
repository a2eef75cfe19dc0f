package io.tzurot.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenylistEntryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static DenylistEntry entry(DenylistType type, String id, DenylistScope scope, String scopeId, DenylistMode mode,
                                       Instant expires) {
        return DenylistEntry.create(type, id, scope, scopeId, mode, null, "1", T0, expires);
    }

    @Test
    void validatesScopeIdsAndExpiry() {
        assertThat(entry(DenylistType.USER, "5", DenylistScope.BOT, null, DenylistMode.BLOCK, null).scopeId()).isEqualTo("*");
        assertThatThrownBy(() -> entry(DenylistType.USER, "5", DenylistScope.BOT, "123", DenylistMode.BLOCK, null))
                .hasMessageContaining("BOT-scoped");
        assertThatThrownBy(() -> entry(DenylistType.USER, "5", DenylistScope.GUILD, "*", DenylistMode.BLOCK, null))
                .hasMessageContaining("GUILD-scoped");
        assertThatThrownBy(() -> entry(DenylistType.USER, "x", DenylistScope.BOT, null, DenylistMode.BLOCK, null))
                .hasMessageContaining("snowflake");
        assertThatThrownBy(() -> entry(DenylistType.USER, "5", DenylistScope.BOT, null, DenylistMode.BLOCK, T0))
                .hasMessageContaining("expiresAt");
    }

    @Test
    void expiryEndsAnEntry() {
        DenylistEntry e = entry(DenylistType.USER, "5", DenylistScope.BOT, null, DenylistMode.BLOCK, T0.plusSeconds(10));

        assertThat(e.isActiveAt(T0.plusSeconds(9))).isTrue();
        assertThat(e.isActiveAt(T0.plusSeconds(10))).isFalse();
    }

    @Test
    void policyMatchesScopesAndPrefersBlock() {
        List<DenylistEntry> entries = List.of(
                entry(DenylistType.USER, "5", DenylistScope.PERSONALITY, "p1", DenylistMode.MUTE, null),
                entry(DenylistType.USER, "5", DenylistScope.GUILD, "g1", DenylistMode.BLOCK, null),
                entry(DenylistType.GUILD, "902", DenylistScope.BOT, null, DenylistMode.MUTE, null));

        assertThat(DenylistPolicy.evaluate(entries, T0, "5", "g9", "c1", "p1")).contains(DenylistMode.MUTE);
        assertThat(DenylistPolicy.evaluate(entries, T0, "5", "g1", "c1", "p1")).contains(DenylistMode.BLOCK);
        assertThat(DenylistPolicy.evaluate(entries, T0, "6", "902", "c1", null)).contains(DenylistMode.MUTE);
        assertThat(DenylistPolicy.evaluate(entries, T0, "6", null, "c1", null)).isEmpty();
    }
}
