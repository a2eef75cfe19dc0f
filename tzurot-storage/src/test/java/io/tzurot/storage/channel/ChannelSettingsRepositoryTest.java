package io.tzurot.storage.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.SpeakerStrategy;
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
        void aSceneHoldsSeveralCharactersInActivationOrderUpToTheLimit() {
            Personality first = fixtures.personality(user, "chan-first", "First", true);
            Personality second = fixtures.personality(user, "chan-second", "Second", true);
            Personality third = fixtures.personality(user, "chan-third", "Third", true);

            ChannelSettingsRepository.Activation a = channels.activate("500", "900", first.id(), user.id(), 2);
            ChannelSettingsRepository.Activation b = channels.activate("500", "900", second.id(), null, 2);
            ChannelSettingsRepository.Activation again = channels.activate("500", "900", first.id(), null, 2);
            ChannelSettingsRepository.Activation full = channels.activate("500", "900", third.id(), null, 2);

            assertThat(a.added()).isEqualTo(ChannelSettingsRepository.Added.ADDED);
            assertThat(a.channel().id()).isEqualTo(DeterministicIds.channelSettings("500"));
            assertThat(a.channel().createdBy()).isEqualTo(user.id());
            assertThat(a.channel().autoResponders()).containsExactly(first.id());
            assertThat(b.added()).isEqualTo(ChannelSettingsRepository.Added.ADDED);
            assertThat(b.channel().activated()).containsExactly(first.id(), second.id());
            assertThat(again.added()).isEqualTo(ChannelSettingsRepository.Added.ALREADY_ACTIVE);
            assertThat(full.added()).isEqualTo(ChannelSettingsRepository.Added.FULL);
            assertThat(full.channel().activated()).as("nothing written past the limit")
                    .containsExactly(first.id(), second.id());
            assertThat(channels.listActivatedInGuild("900")).containsExactly(channels.find("500").orElseThrow());
        }

        @Test
        void deactivatingOneOrAllAndAutoRespond() {
            Personality p = fixtures.personality(user, "chan-auto", "Auto", true);
            Personality q = fixtures.personality(user, "chan-auto2", "Auto2", true);
            assertThat(channels.deactivate("501", p.id())).isFalse();
            assertThat(channels.deactivateAll("501")).isZero();
            ChannelSettings quiet = channels.setAutoRespond("501", null, false);
            assertThat(quiet.autoRespond()).isFalse();
            assertThat(quiet.guildId()).isNull();

            channels.activate("501", null, p.id(), user.id(), 5);
            channels.activate("501", null, q.id(), user.id(), 5);
            assertThat(channels.find("501").orElseThrow().autoResponders()).isEmpty();
            channels.setAutoRespond("501", null, true);
            assertThat(channels.find("501").orElseThrow().autoResponders()).containsExactly(p.id(), q.id());

            assertThat(channels.deactivate("501", p.id())).isTrue();
            assertThat(channels.find("501").orElseThrow().activated()).containsExactly(q.id());
            channels.activate("501", null, p.id(), user.id(), 5);
            assertThat(channels.find("501").orElseThrow().activated()).as("a returning character joins at the end")
                    .containsExactly(q.id(), p.id());
            assertThat(channels.deactivateAll("501")).isEqualTo(2);
            assertThat(channels.find("501").orElseThrow().activated()).isEmpty();
            assertThat(channels.listActivatedInGuild("900")).noneMatch(c -> c.channelId().equals("501"));
            assertThat(channels.find("502")).isEmpty();
        }

        @Test
        void editStreamingIsOffByDefaultAndStoredPerChannelKeepingTheScene() {
            channels.setAutoRespond("540", "940", true);
            assertThat(channels.find("540").orElseThrow().streamEdits()).as("default").isFalse();
            Personality p = fixtures.personality(user, "chan-stream", "Streamer", true);
            channels.activate("540", "940", p.id(), user.id(), 5);
            ChannelSettings on = channels.setStreamEdits("540", null, true);
            assertThat(on.streamEdits()).isTrue();
            assertThat(on.activated()).as("the scene stays").containsExactly(p.id());
            assertThat(on.guildId()).isEqualTo("940");
            assertThat(channels.setStreamEdits("541", "940", true).streamEdits()).as("a new row").isTrue();
            assertThat(channels.setStreamEdits("540", "940", false).streamEdits()).isFalse();
            assertThat(channels.find("541").orElseThrow().streamEdits()).as("per channel").isTrue();
        }

        @Test
        void theSpeakerStrategyIsStoredPerChannel() {
            assertThat(channels.setSpeakerStrategy("530", "930", SpeakerStrategy.LIST).speakerStrategy())
                    .isEqualTo(SpeakerStrategy.LIST);
            Personality p = fixtures.personality(user, "chan-strategy", "Strategist", true);
            channels.activate("530", "930", p.id(), user.id(), 5);
            ChannelSettings row = channels.find("530").orElseThrow();
            assertThat(row.speakerStrategy()).as("activation keeps the strategy").isEqualTo(SpeakerStrategy.LIST);
            assertThat(row.guildId()).isEqualTo("930");
            assertThat(channels.setSpeakerStrategy("530", null, SpeakerStrategy.MANUAL).activated())
                    .as("the strategy keeps the scene").containsExactly(p.id());
            channels.setAutoRespond("531", "930", true);
            assertThat(channels.find("531").orElseThrow().speakerStrategy()).as("default")
                    .isEqualTo(SpeakerStrategy.NATURAL);
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
            assertThat(made.activated()).isEmpty();
            assertThat(made.guildId()).isEqualTo("920");
            assertThat(made.createdBy()).isEqualTo(user.id());

            channels.activate("520", "920", p.id(), user.id(), 5);
            assertThat(channels.find("520").orElseThrow().configOverrides()).as("activation keeps the tier")
                    .isEqualTo(tier);
            ChannelSettings changed = channels.setConfigOverrides("520", null,
                    ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(0)), null);
            assertThat(changed.activated()).as("the tier keeps the activation").containsExactly(p.id());
            assertThat(changed.guildId()).as("no server given keeps the stored one").isEqualTo("920");
            assertThat(changed.configOverrides().values()).containsOnlyKeys(SettingKey.MAX_IMAGES);
            assertThat(channels.listActivatedInGuild("920")).containsExactly(changed);

            assertThat(channels.setConfigOverrides("520", "920", ConfigOverrides.EMPTY, null).configOverrides().isEmpty())
                    .isTrue();
            assertThat(channels.find("520").orElseThrow().activated()).containsExactly(p.id());
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
            Personality stays = fixtures.personality(user, "chan-stays", "Stays", true);
            channels.activate("503", "901", p.id(), user.id(), 5);
            channels.activate("503", "901", stays.id(), user.id(), 5);

            new JdbiPersonalityRepository(database().jdbi(), clock).delete(p.id());

            assertThat(channels.find("503").orElseThrow().activated()).containsExactly(stays.id());
            assertThatThrownBy(() -> channels.activate("not-a-channel", null, p.id(), null, 5))
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
