package io.tzurot.storage.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistPolicy;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DenylistRepositoryTest {

    abstract static class DenylistContract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
        private JdbiDenylistRepository denylist;

        DenylistContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            denylist = new JdbiDenylistRepository(database().jdbi());
        }

        private static DenylistEntry entry(String discordId, DenylistScope scope, String scopeId, DenylistMode mode, Instant expires) {
            return DenylistEntry.create(DenylistType.USER, discordId, scope, scopeId, mode, "spam", "42", T0, expires);
        }

        @Test
        void addingTheSameKeyReplacesModeReasonAndExpiry() {
            DenylistEntry first = denylist.add(entry("700", DenylistScope.BOT, null, DenylistMode.MUTE, null));
            DenylistEntry second = denylist.add(DenylistEntry.create(DenylistType.USER, "700", DenylistScope.BOT, "*",
                    DenylistMode.BLOCK, "worse", "43", T0.plusSeconds(5), T0.plusSeconds(3600)));

            assertThat(second.id()).isEqualTo(first.id());
            assertThat(second.mode()).isEqualTo(DenylistMode.BLOCK);
            assertThat(second.reason()).isEqualTo("worse");
            assertThat(second.expiresAt()).isEqualTo(T0.plusSeconds(3600));
            assertThat(denylist.find(DenylistType.USER, "700", DenylistScope.BOT, null)).contains(second);
        }

        @Test
        void expiredEntriesNeverCountAsActive() {
            DenylistEntry temporary = denylist.add(entry("701", DenylistScope.GUILD, "900", DenylistMode.BLOCK, T0.plus(Duration.ofHours(1))));
            DenylistEntry permanent = denylist.add(entry("701", DenylistScope.CHANNEL, "500", DenylistMode.MUTE, null));

            assertThat(denylist.findActive(DenylistType.USER, "701", T0.plus(Duration.ofMinutes(59)))).contains(temporary, permanent);
            assertThat(denylist.findActive(DenylistType.USER, "701", T0.plus(Duration.ofHours(1)))).containsExactly(permanent);
            assertThat(denylist.listActive(T0.plus(Duration.ofHours(2)))).contains(permanent).doesNotContain(temporary);
            assertThat(denylist.findActive(DenylistType.GUILD, "701", T0)).isEmpty();

            int before = countRows();
            int deleted = denylist.deleteExpired(T0.plus(Duration.ofHours(2)));
            assertThat(deleted).isPositive().isEqualTo(before - countRows());
            assertThat(denylist.find(DenylistType.USER, "701", DenylistScope.GUILD, "900")).isEmpty();
            assertThat(denylist.find(DenylistType.USER, "701", DenylistScope.CHANNEL, "500")).isPresent();
        }

        private int countRows() {
            return database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM denylisted_entities").mapTo(Integer.class).one());
        }

        @Test
        void activeEntriesDecideThroughThePolicy() {
            denylist.add(entry("702", DenylistScope.CHANNEL, "501", DenylistMode.MUTE, null));
            denylist.add(DenylistEntry.create(DenylistType.GUILD, "902", DenylistScope.BOT, "*", DenylistMode.BLOCK, null, "42", T0,
                    T0.plusSeconds(60)));
            Instant now = T0.plusSeconds(30);
            var entries = denylist.listActive(now);

            assertThat(DenylistPolicy.evaluate(entries, now, "702", "900", "501", null)).contains(DenylistMode.MUTE);
            assertThat(DenylistPolicy.evaluate(entries, now, "702", "900", "999", null)).isEmpty();
            assertThat(DenylistPolicy.evaluate(entries, now, "703", "902", "1", null)).contains(DenylistMode.BLOCK);
            Instant later = T0.plusSeconds(61);
            assertThat(DenylistPolicy.evaluate(denylist.listActive(later), later, "703", "902", "1", null)).isEmpty();
        }

        @Test
        void aChannelCanBeDeniedAndItsExpiredDenialIsSwept() {
            DenylistEntry channel = denylist.add(DenylistEntry.create(DenylistType.CHANNEL, "600", DenylistScope.GUILD,
                    "900", DenylistMode.MUTE, null, "42", T0, T0.plus(Duration.ofHours(1))));

            assertThat(denylist.findActive(DenylistType.CHANNEL, "600", T0)).containsExactly(channel);
            assertThat(denylist.findActive(DenylistType.CHANNEL, "600", T0.plus(Duration.ofHours(1)))).isEmpty();
            assertThat(denylist.deleteExpired(T0.plus(Duration.ofHours(1)))).isPositive();
            assertThat(denylist.find(DenylistType.CHANNEL, "600", DenylistScope.GUILD, "900")).isEmpty();
        }

        @Test
        void removeDeletesOnlyTheNamedScope() {
            denylist.add(entry("704", DenylistScope.BOT, "*", DenylistMode.BLOCK, null));
            denylist.add(entry("704", DenylistScope.PERSONALITY, "abc", DenylistMode.BLOCK, null));

            assertThat(denylist.remove(DenylistType.USER, "704", DenylistScope.BOT, null)).isTrue();
            assertThat(denylist.remove(DenylistType.USER, "704", DenylistScope.BOT, null)).isFalse();
            assertThat(denylist.findActive(DenylistType.USER, "704", T0)).extracting(DenylistEntry::scope)
                    .containsExactly(DenylistScope.PERSONALITY);
        }
    }

    @Nested
    class OnH2 extends DenylistContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends DenylistContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
