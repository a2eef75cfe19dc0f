package io.tzurot.storage.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.moderation.DenialCaller;
import io.tzurot.core.moderation.DenialTarget;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.core.moderation.SweepingExpiredDenials;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ManagingDenials} and {@link SweepingExpiredDenials} over the real repository: who may deny what, expiry, sweep. */
class ManagingDenialsTest {

    abstract static class Contract extends DatabaseContract {
        private static final String OWNER = "900";
        private static final String GUILD = "100";
        private static final String OTHER_GUILD = "101";
        private final MutableClock clock = MutableClock.startingAt("2026-09-01T00:00:00Z");
        private JdbiDenylistRepository repository;
        private ManagingDenials denials;
        private SweepingExpiredDenials sweeping;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            repository = new JdbiDenylistRepository(database().jdbi());
            denials = new ManagingDenials(repository, clock, Optional.of(OWNER));
            sweeping = new SweepingExpiredDenials(repository, clock);
        }

        private static DenialCaller owner() {
            return new DenialCaller(new Actor(UUID.randomUUID(), OWNER, true), Optional.empty(), false);
        }

        private static DenialCaller manager(String guild) {
            return new DenialCaller(new Actor(UUID.randomUUID(), "901", false), Optional.of(guild), true);
        }

        private static DenialCaller member(String guild) {
            return new DenialCaller(new Actor(UUID.randomUUID(), "902", false), Optional.of(guild), false);
        }

        private static DenialTarget user(String id) {
            return new DenialTarget(DenylistType.USER, id, Optional.empty());
        }

        private static DenialTarget channel(String id, String guild) {
            return new DenialTarget(DenylistType.CHANNEL, id, Optional.ofNullable(guild));
        }

        @Test
        void theOwnerDeniesAnywhereAndAManagerOnlyInTheirServer() {
            assertThat(denials.add(owner(), user("500"), "block", null, "spam").scope()).isEqualTo(DenylistScope.BOT);
            assertThat(denials.add(owner(), new DenialTarget(DenylistType.GUILD, "501", Optional.empty()), "MUTE",
                    "7d", null).mode()).isEqualTo(DenylistMode.MUTE);
            DenylistEntry local = denials.add(manager(GUILD), user("502"), "mute", "1d", null);
            assertThat(local.scope()).isEqualTo(DenylistScope.GUILD);
            assertThat(local.scopeId()).isEqualTo(GUILD);
            assertThat(local.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
            assertThat(denials.add(manager(GUILD), channel("503", GUILD), "block", null, null).scopeId()).isEqualTo(GUILD);

            assertThatThrownBy(() -> denials.add(manager(GUILD), channel("504", OTHER_GUILD), "block", null, null))
                    .isInstanceOf(DomainException.class).hasMessageContaining("only channels of this server");
            assertThatThrownBy(() -> denials.add(manager(GUILD), new DenialTarget(DenylistType.GUILD, GUILD,
                    Optional.empty()), "block", null, null)).hasMessageContaining("Only the bot owner may deny a whole server");
            assertThatThrownBy(() -> denials.add(member(GUILD), user("505"), "block", null, null))
                    .hasMessageContaining("Manage Messages");
            assertThatThrownBy(() -> denials.add(DenialCaller.outsideServers(new Actor(UUID.randomUUID(), "903", false)),
                    user("505"), "block", null, null)).hasMessageContaining("outside a server");
            assertThatThrownBy(() -> denials.add(manager(GUILD), user(OWNER), "block", null, null))
                    .hasMessageContaining("bot owner cannot be denied");
            assertThatThrownBy(() -> denials.add(manager(GUILD), user("901"), "block", null, null))
                    .hasMessageContaining("cannot deny yourself");
            assertThatThrownBy(() -> denials.add(owner(), user("505"), "ban", null, null)).hasMessageContaining("use block");
            assertThatThrownBy(() -> denials.add(owner(), user("505"), "block", "forever", null))
                    .hasMessageContaining("Unknown duration");
            assertThat(repository.findActive(DenylistType.USER, "505", clock.instant())).isEmpty();
        }

        @Test
        void managersSeeAndLiftOnlyTheirServersDenials() {
            denials.add(owner(), user("510"), "block", null, null);
            denials.add(manager(GUILD), user("510"), "mute", null, null);
            denials.add(manager(OTHER_GUILD), user("510"), "mute", null, null);

            assertThat(denials.view(manager(GUILD), user("510"))).extracting(DenylistEntry::scopeId).containsExactly(GUILD);
            assertThat(denials.view(owner(), user("510"))).hasSize(3);
            assertThat(denials.browse(manager(GUILD), Optional.of(DenylistType.USER)))
                    .allMatch(e -> e.scopeId().equals(GUILD));

            assertThat(denials.remove(manager(GUILD), user("510"))).hasSize(1);
            assertThatThrownBy(() -> denials.remove(manager(GUILD), user("510"))).hasMessageContaining("was not found");
            assertThat(repository.findActive(DenylistType.USER, "510", clock.instant())).hasSize(2);
            assertThat(denials.remove(owner(), user("510"))).hasSize(2);
            assertThat(repository.findActive(DenylistType.USER, "510", clock.instant())).isEmpty();
        }

        @Test
        void anHourLongDenialLapsesOnTheHourAndTheSweepDeletesIt() {
            denials.add(owner(), user("520"), "block", "1h", null);
            denials.add(owner(), user("521"), "block", "permanent", null);
            assertThat(denials.view(owner(), user("520"))).hasSize(1);

            clock.advance(Duration.ofMinutes(59));
            assertThat(denials.view(owner(), user("520"))).hasSize(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(denials.view(owner(), user("520"))).isEmpty();
            assertThat(repository.find(DenylistType.USER, "520", DenylistScope.BOT, null)).isPresent();

            assertThat(sweeping.sweep()).isGreaterThanOrEqualTo(1);
            assertThat(repository.find(DenylistType.USER, "520", DenylistScope.BOT, null)).isEmpty();
            assertThat(repository.find(DenylistType.USER, "521", DenylistScope.BOT, null)).isPresent();
            assertThat(sweeping.sweep()).isZero();
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
