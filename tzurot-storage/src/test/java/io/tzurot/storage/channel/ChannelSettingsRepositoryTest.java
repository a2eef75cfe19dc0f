package io.tzurot.storage.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelSettingsRepositoryTest {

    abstract static class ChannelSettingsContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiChannelSettingsRepository channels;
        private Fixtures fixtures;
        private User user;

        ChannelSettingsContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            channels = new JdbiChannelSettingsRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
            user = fixtures.user("mod");
        }

        @Test
        void activationReplacesThePreviousPersonality() {
            Personality first = fixtures.personality(user, "chan-first", "First", true);
            Personality second = fixtures.personality(user, "chan-second", "Second", true);

            ChannelSettings a = channels.activate("500", "900", first.id(), user.id());
            ChannelSettings b = channels.activate("500", "900", second.id(), null);

            assertThat(a.id()).isEqualTo(DeterministicIds.channelSettings("500"));
            assertThat(a.createdBy()).isEqualTo(user.id());
            assertThat(a.autoResponder()).contains(first.id());
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.activatedPersonality()).contains(second.id());
            assertThat(b.createdBy()).isEqualTo(user.id());
            assertThat(channels.listActivatedInGuild("900")).containsExactly(b);
        }

        @Test
        void deactivateAndAutoRespond() {
            Personality p = fixtures.personality(user, "chan-auto", "Auto", true);
            assertThat(channels.deactivate("501")).isFalse();
            ChannelSettings quiet = channels.setAutoRespond("501", null, false);
            assertThat(quiet.autoRespond()).isFalse();
            assertThat(quiet.guildId()).isNull();

            channels.activate("501", null, p.id(), user.id());
            assertThat(channels.find("501").orElseThrow().autoResponder()).isEmpty();
            channels.setAutoRespond("501", null, true);
            assertThat(channels.find("501").orElseThrow().autoResponder()).contains(p.id());

            assertThat(channels.deactivate("501")).isTrue();
            assertThat(channels.find("501").orElseThrow().activatedPersonality()).isEmpty();
            assertThat(channels.find("502")).isEmpty();
        }

        @Test
        void theSettingsTierIsStoredBesideTheActivationWithoutDisturbingIt() {
            Personality p = fixtures.personality(user, "chan-tier", "Tier", true);
            ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(5))
                    .with(SettingKey.MAX_AGE, TierValue.cleared()).with(SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false));
            assertThat(channels.configOverrides("520")).isEqualTo(ConfigOverrides.EMPTY);

            ChannelSettings made = channels.setConfigOverrides("520", "920", tier, user.id());
            assertThat(made.id()).isEqualTo(DeterministicIds.channelSettings("520"));
            assertThat(made.configOverrides()).isEqualTo(tier);
            assertThat(made.activatedPersonality()).isEmpty();
            assertThat(made.guildId()).isEqualTo("920");
            assertThat(made.createdBy()).isEqualTo(user.id());

            channels.activate("520", "920", p.id(), user.id());
            assertThat(channels.find("520").orElseThrow().configOverrides()).as("activation keeps the tier")
                    .isEqualTo(tier);
            ChannelSettings changed = channels.setConfigOverrides("520", null,
                    ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(0)), null);
            assertThat(changed.activatedPersonality()).as("the tier keeps the activation").contains(p.id());
            assertThat(changed.guildId()).as("no server given keeps the stored one").isEqualTo("920");
            assertThat(changed.configOverrides().values()).containsOnlyKeys(SettingKey.MAX_IMAGES);
            assertThat(channels.listActivatedInGuild("920")).containsExactly(changed);

            assertThat(channels.setConfigOverrides("520", "920", ConfigOverrides.EMPTY, null).configOverrides().isEmpty())
                    .isTrue();
            assertThat(channels.find("520").orElseThrow().activatedPersonality()).contains(p.id());
        }

        @Test
        void aStoredTierThatIsNotValidIsIgnored() {
            channels.setConfigOverrides("521", "920", ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(5)),
                    null);
            for (String bad : new String[] {"{\"maxMessages\": 500}", "{\"bogus\": 1}", "[]"}) {
                database().jdbi().useHandle(h -> h.createUpdate("UPDATE channel_settings SET config_overrides = :json"
                        + " WHERE channel_id = '521'").bindByType("json", new JsonText(bad), JsonText.class).execute());
                assertThat(channels.configOverrides("521")).as(bad).isEqualTo(ConfigOverrides.EMPTY);
            }
        }

        @Test
        void deletingThePersonalityDeactivatesTheChannel() {
            Personality p = fixtures.personality(user, "chan-doomed", "Doomed", true);
            channels.activate("503", "901", p.id(), user.id());

            new JdbiPersonalityRepository(database().jdbi(), clock).delete(p.id());

            assertThat(channels.find("503").orElseThrow().activatedPersonality()).isEmpty();
            assertThatThrownBy(() -> channels.activate("not-a-channel", null, p.id(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snowflake");
        }
    }

    @Nested
    class OnH2 extends ChannelSettingsContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends ChannelSettingsContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
