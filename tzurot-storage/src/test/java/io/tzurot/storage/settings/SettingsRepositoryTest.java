package io.tzurot.storage.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.cascade.ResolveSettings;
import io.tzurot.core.settings.ResolvedSettings;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.user.User;
import io.tzurot.storage.channel.JdbiChannelSettingsRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SettingsRepositoryTest {

    abstract static class SettingsRepositoryContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-06-01T00:00:00Z");
        private JdbiAdminSettingsRepository admin;
        private JdbiUserPersonalityConfigRepository overrides;
        private JdbiPersonalityRepository personalities;
        private JdbiUserRepository users;
        private JdbiPersonaRepository personas;
        private Fixtures fixtures;

        SettingsRepositoryContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            admin = new JdbiAdminSettingsRepository(database().jdbi(), clock);
            overrides = new JdbiUserPersonalityConfigRepository(database().jdbi(), clock);
            personalities = new JdbiPersonalityRepository(database().jdbi(), clock);
            users = new JdbiUserRepository(database().jdbi(), clock);
            personas = new JdbiPersonaRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        @Test
        void adminSettingsAreASingletonCreatedOnRead() {
            AdminSettings first = admin.get();
            AdminSettings second = admin.get();
            User owner = fixtures.botOwner("root");
            ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(0));

            AdminSettings updated = admin.setConfigDefaults(tier, owner.id());

            assertThat(first.id()).isEqualTo(AdminSettings.SINGLETON_ID);
            assertThat(second).isEqualTo(first);
            assertThat(updated.configDefaults()).isEqualTo(tier);
            assertThat(updated.lastUpdatedBy()).contains(owner.id());
            int rows = database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM admin_settings").mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
            admin.setConfigDefaults(ConfigOverrides.EMPTY, null);
            assertThat(admin.get().configDefaults()).isEqualTo(ConfigOverrides.EMPTY);
        }

        @Test
        void clearingOneOverrideKeepsTheOthers() {
            User user = fixtures.user("wren");
            Personality p = fixtures.personality(user, "wren-pal", "Pal", true);
            Persona persona = personas.create(user.id(), new PersonaDraft("Alt", null, "alt me", null, null, false));
            Preset preset = fixtures.preset(user, "Wren Preset", "a/b", false);
            ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.FOCUS_MODE_ENABLED, TierValue.of(true));

            overrides.setPersonaOverride(user.id(), p.id(), persona.id());
            overrides.setPresetOverride(user.id(), p.id(), preset.id());
            UserPersonalityConfig all = overrides.setConfigOverrides(user.id(), p.id(), tier);
            assertThat(all.id()).isEqualTo(DeterministicIds.userPersonalityConfig(user.id(), p.id()));
            assertThat(all.personaOverride()).contains(persona.id());
            assertThat(all.presetOverride()).contains(preset.id());
            assertThat(all.configOverrides()).isEqualTo(tier);

            UserPersonalityConfig noPersona = overrides.setPersonaOverride(user.id(), p.id(), null);
            assertThat(noPersona.personaOverride()).isEmpty();
            assertThat(noPersona.presetOverride()).contains(preset.id());
            assertThat(noPersona.configOverrides()).isEqualTo(tier);

            UserPersonalityConfig noPreset = overrides.setPresetOverride(user.id(), p.id(), null);
            assertThat(noPreset.presetOverride()).isEmpty();
            assertThat(noPreset.configOverrides()).isEqualTo(tier);

            overrides.setPersonaOverride(user.id(), p.id(), persona.id());
            UserPersonalityConfig noTier = overrides.setConfigOverrides(user.id(), p.id(), ConfigOverrides.EMPTY);
            assertThat(noTier.configOverrides()).isEqualTo(ConfigOverrides.EMPTY);
            assertThat(noTier.personaOverride()).contains(persona.id());
            assertThat(overrides.listByUser(user.id())).containsExactly(noTier);
        }

        @Test
        void overridesMustPointAtTheUsersOwnThings() {
            User user = fixtures.user("xena");
            User other = fixtures.user("yuri");
            Personality p = fixtures.personality(user, "xena-pal", "Pal", true);
            Preset foreign = fixtures.preset(other, "Yuri Private", "a/b", false);

            assertThatThrownBy(() -> overrides.setPersonaOverride(user.id(), p.id(), other.defaultPersonaId()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
            assertThatThrownBy(() -> overrides.setPresetOverride(user.id(), p.id(), foreign.id()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither global nor owned");
            assertThat(overrides.find(user.id(), p.id())).isEmpty();
        }

        @Test
        void explicitNullIsStoredAndOverridesLowerTiers() {
            User user = fixtures.user("zoe");
            Personality p = fixtures.personality(user, "zoe-pal", "Pal", true);
            clock.advance(Duration.ofSeconds(1));
            admin.setConfigDefaults(ConfigOverrides.EMPTY.with(SettingKey.MAX_AGE, TierValue.of(3600))
                    .with(SettingKey.MEMORY_LIMIT, TierValue.of(5)), null);
            personalities.setConfigDefaults(p.id(), ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(20)));
            users.setConfigDefaults(user.id(), ConfigOverrides.EMPTY.with(SettingKey.MAX_AGE, TierValue.cleared()));
            overrides.setConfigOverrides(user.id(), p.id(), ConfigOverrides.EMPTY.with(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false)));
            JdbiChannelSettingsRepository channels = new JdbiChannelSettingsRepository(database().jdbi(), clock);
            channels.setConfigOverrides("610", "910", ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(8))
                    .with(SettingKey.MAX_IMAGES, TierValue.of(2)), null);
            ResolveSettings resolve = new ResolveSettings(admin, personalities, channels, users, overrides);

            ResolvedSettings settings = resolve.resolve(user.id(), p.id());

            assertThat(settings.maxAge()).isEmpty();
            assertThat(settings.sourceOf(SettingKey.MAX_AGE)).isEqualTo(SettingSource.USER_DEFAULT);
            assertThat(settings.memoryLimit()).isEqualTo(5);
            assertThat(settings.sourceOf(SettingKey.MEMORY_LIMIT)).isEqualTo(SettingSource.ADMIN);
            assertThat(settings.maxMessages()).isEqualTo(20);
            assertThat(settings.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.PERSONALITY);
            assertThat(settings.showModelFooter()).isFalse();
            assertThat(settings.sourceOf(SettingKey.SHOW_MODEL_FOOTER)).isEqualTo(SettingSource.USER_PERSONALITY);
            assertThat(settings.maxImages()).isEqualTo(10);
            assertThat(settings.sourceOf(SettingKey.MAX_IMAGES)).isEqualTo(SettingSource.HARDCODED);

            ResolvedSettings anonymous = resolve.resolve(null, p.id());
            assertThat(anonymous.maxAge()).contains(3600);
            assertThat(anonymous.showModelFooter()).isTrue();

            // in the channel (or a thread under it) its tier beats the personality's and yields to the user's own
            for (ResolvedSettings inChannel : new ResolvedSettings[] {resolve.resolve(user.id(), p.id(), "610", null),
                    resolve.resolve(user.id(), p.id(), "611", "610")}) {
                assertThat(inChannel.maxMessages()).isEqualTo(8);
                assertThat(inChannel.sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.CHANNEL);
                assertThat(inChannel.maxImages()).isEqualTo(2);
                assertThat(inChannel.maxAge()).isEmpty();
                assertThat(inChannel.sourceOf(SettingKey.MAX_AGE)).isEqualTo(SettingSource.USER_DEFAULT);
            }
            admin.setConfigDefaults(ConfigOverrides.EMPTY, null);
        }

        @Test
        void storedTierWithUnknownKeyOrBadValueIsIgnored() {
            User user = fixtures.user("abe");
            Personality p = fixtures.personality(user, "abe-pal", "Pal", true);
            overrides.setConfigOverrides(user.id(), p.id(), ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(5)));
            for (String bad : new String[] {"{\"maxMessages\": 500}", "{\"bogus\": 1}", "{\"focusModeEnabled\": \"yes\"}", "[]"}) {
                database().jdbi().useHandle(h -> h.createUpdate("UPDATE user_personality_configs SET config_overrides = :json"
                                + " WHERE user_id = :user AND personality_id = :p")
                        .bind("json", new JsonText(bad)).bind("user", user.id()).bind("p", p.id()).execute());
                assertThat(overrides.configOverrides(user.id(), p.id())).as(bad).isEqualTo(ConfigOverrides.EMPTY);
            }
        }
    }

    @Nested
    class OnH2 extends SettingsRepositoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends SettingsRepositoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
