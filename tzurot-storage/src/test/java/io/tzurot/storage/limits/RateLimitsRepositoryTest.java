package io.tzurot.storage.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.limits.RateLimits;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitsRepositoryTest {

    abstract static class RateLimitsContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-06-01T00:00:00Z");
        private JdbiAdminSettingsRepository admin;
        private JdbiRateLimitsRepository limits;
        private Fixtures fixtures;

        RateLimitsContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            admin = new JdbiAdminSettingsRepository(database().jdbi(), clock);
            limits = new JdbiRateLimitsRepository(database().jdbi(), admin, clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        @BeforeEach
        void noLimitsStored() {
            database().jdbi().useHandle(h -> h.execute("DELETE FROM admin_settings"));
        }

        @Test
        void withoutARowOrADocumentTheDefaultsHold() {
            assertThat(limits.get()).isEqualTo(RateLimits.DEFAULTS);
            admin.get();
            assertThat(limits.get()).isEqualTo(RateLimits.DEFAULTS);
        }

        @Test
        void storedLimitsComeBackAndLeaveTheAdminTierAlone() {
            User owner = fixtures.botOwner("root-" + System.nanoTime());
            ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(2));
            admin.setConfigDefaults(tier, owner.id());
            RateLimits mine = new RateLimits(3, 4, 5, 6, 7);

            limits.set(mine, owner.id());

            assertThat(limits.get()).isEqualTo(mine);
            assertThat(admin.get().configDefaults()).isEqualTo(tier);
            assertThat(admin.get().lastUpdatedBy()).contains(owner.id());
            admin.setConfigDefaults(ConfigOverrides.EMPTY, null);
            assertThat(limits.get()).as("editing the tier keeps the limits").isEqualTo(mine);
        }

        @Test
        void aDocumentEditedIntoNonsenseFallsBackToTheDefaults() {
            limits.set(new RateLimits(3, 4, 5, 6, 7), null);
            String bad = "{\"replyBurst\": -1}";
            database().jdbi().useHandle(h -> h.createUpdate("UPDATE admin_settings SET rate_limits = :j")
                    .bindByType("j", new io.tzurot.storage.db.JsonText(bad), io.tzurot.storage.db.JsonText.class).execute());
            assertThat(limits.get()).isEqualTo(RateLimits.DEFAULTS);
        }
    }

    @Nested
    class OnH2 extends RateLimitsContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends RateLimitsContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
