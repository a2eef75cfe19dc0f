package io.tzurot.storage.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.retention.SweepingHistoryPastMaxAge;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.storage.channel.JdbiChannelSettingsRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The per-conversation maxAge sweep deletes exactly the rows past the limit their channel and character resolve to. */
class HistoryMaxAgeSweepTest {

    private static final String GUILD = "300000000000000001";
    private static final String PLAIN = "800000000000000011";
    private static final String KEEPING = "800000000000000012";
    private static final String SHORT = "800000000000000013";

    abstract static class Contract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-06-10T00:00:00Z");
        private JdbiConversationHistoryRepository history;
        private JdbiAdminSettingsRepository admin;
        private SweepingHistoryPastMaxAge sweep;
        private TestRows.Owner owner;
        private UUID brief;
        private UUID plain;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            history = new JdbiConversationHistoryRepository(database());
            admin = new JdbiAdminSettingsRepository(database().jdbi(), clock);
            JdbiPersonalityRepository personalities = new JdbiPersonalityRepository(database().jdbi(), clock);
            JdbiChannelSettingsRepository channels = new JdbiChannelSettingsRepository(database().jdbi(), clock);
            JdbiUserRepository users = new JdbiUserRepository(database().jdbi(), clock);
            owner = TestRows.owner(database(), "mara", "Mara", null);
            brief = TestRows.personality(database(), owner.userId(), "Brief", null);
            plain = TestRows.personality(database(), owner.userId(), "Plain", null);
            admin.setConfigDefaults(maxAge(TierValue.of((int) Duration.ofDays(10).toSeconds())), owner.userId());
            personalities.setConfigDefaults(brief, maxAge(TierValue.of((int) Duration.ofDays(1).toSeconds())));
            channels.setConfigOverrides(KEEPING, GUILD, maxAge(TierValue.cleared()), owner.userId());
            channels.setConfigOverrides(SHORT, GUILD, maxAge(TierValue.of((int) Duration.ofDays(2).toSeconds())),
                    owner.userId());
            // a user's own limit narrows only what they are shown: it must not delete anyone's history
            users.setConfigDefaults(owner.userId(), maxAge(TierValue.of(3600)));
            sweep = new SweepingHistoryPastMaxAge(history, new ResolveSettings(admin, personalities, channels, users,
                    new JdbiUserPersonalityConfigRepository(database().jdbi(), clock)));
        }

        @Test
        void deletesWhatIsPastEachConversationsMaxAgeAndKeepsWhatHasNone() {
            Instant now = clock.instant();
            HistoryMessage briefOld = message(PLAIN, brief, now.minus(Duration.ofDays(3)));        // character: 1 d
            HistoryMessage briefNew = message(PLAIN, brief, now.minus(Duration.ofHours(1)));
            HistoryMessage briefKept = message(KEEPING, brief, now.minus(Duration.ofDays(3)));     // channel: no limit
            HistoryMessage plainMid = message(PLAIN, plain, now.minus(Duration.ofDays(5)));        // admin: 10 d
            HistoryMessage plainOld = message(PLAIN, plain, now.minus(Duration.ofDays(12)));
            HistoryMessage shortOld = message(SHORT, plain, now.minus(Duration.ofDays(3)));        // channel: 2 d
            HistoryMessage shortNew = message(SHORT, plain, now.minus(Duration.ofDays(1)));

            assertThat(sweep.asSweep().run().applyAsLong(now)).isEqualTo(3);
            assertGone(briefOld, plainOld, shortOld);
            assertKept(briefNew, briefKept, plainMid, shortNew);
            assertThat(sweep.sweep(now)).isZero();

            // the admin tier cleared (no limit) and a month on: only character and channel limits still delete
            admin.setConfigDefaults(maxAge(TierValue.cleared()), owner.userId());
            clock.advance(Duration.ofDays(30));
            assertThat(sweep.sweep(clock.instant())).isEqualTo(2);
            assertGone(briefNew, shortNew);
            assertKept(briefKept, plainMid);
        }

        private void assertGone(HistoryMessage... messages) {
            assertThat(List.of(messages)).allSatisfy(m -> {
                assertThat(history.find(m.id())).isEmpty();
                assertThat(history.isTombstoned(m.id())).isTrue();
            });
        }

        private void assertKept(HistoryMessage... messages) {
            assertThat(List.of(messages)).allSatisfy(m -> assertThat(history.find(m.id())).isPresent());
        }

        private HistoryMessage message(String channel, UUID personality, Instant at) {
            HistoryMessage m = HistoryMessage.create(channel, GUILD, personality, owner.personaId(), HistoryRole.USER,
                    "said at " + at, 3, List.of(), "{}", at);
            assertThat(history.append(m)).isTrue();
            return m;
        }

        private static ConfigOverrides maxAge(TierValue<?> value) {
            return ConfigOverrides.EMPTY.with(SettingKey.MAX_AGE, value);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
