package io.tzurot.storage.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.AliasTakenException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.SlugTakenException;
import io.tzurot.core.personality.SystemPrompt;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PersonalityRepositoryTest {

    abstract static class PersonalityRepositoryContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-04-01T12:00:00Z");
        private JdbiPersonalityRepository personalities;
        private JdbiSystemPromptRepository prompts;
        private JdbiPresetRepository presets;
        private Fixtures fixtures;
        private User owner;
        private User coOwner;
        private User stranger;
        private User botOwner;

        PersonalityRepositoryContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            personalities = new JdbiPersonalityRepository(database().jdbi(), clock);
            prompts = new JdbiSystemPromptRepository(database().jdbi(), clock);
            presets = new JdbiPresetRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
            owner = fixtures.user("owner");
            coOwner = fixtures.user("coowner");
            stranger = fixtures.user("stranger");
            botOwner = fixtures.botOwner("boss");
        }

        @Test
        void createLinksTheDefaultPromptAndTheGlobalDefaultPreset() {
            prompts.save("old", null, "Old prompt", true);
            SystemPrompt current = prompts.save("main", "the main one", "You are {assistant}.", true);
            Preset global = fixtures.preset(botOwner, "Global Default", "anthropic/claude-haiku-4.5", true);
            presets.setSystemDefault(global.id());

            Personality p = personalities.create(owner.id(), new PersonalityDraft(" Luna ", "Luna the Wise", "luna",
                    "A moon spirit", "calm", "", null, null, null, null, null, null, "Sorry!", true));

            assertThat(p.id()).isEqualTo(DeterministicIds.personality("luna"));
            assertThat(p.name()).isEqualTo("Luna");
            assertThat(p.shownName()).isEqualTo("Luna the Wise");
            assertThat(p.tone()).isNull();
            assertThat(p.customErrorMessage()).contains("Sorry!");
            assertThat(p.systemPromptId()).isEqualTo(current.id());
            assertThat(prompts.findDefault()).contains(current);
            assertThat(prompts.findById(DeterministicIds.systemPrompt("old")).orElseThrow().isDefault()).isFalse();
            assertThat(personalities.defaultPresetId(p.id())).contains(global.id());
            assertThat(p.createdAt()).isEqualTo(clock.instant());
        }

        @Test
        void slugsAreUniqueAndRenamesKeepTheId() {
            Personality p = fixtures.personality(owner, "sol", "Sol", false);
            assertThatThrownBy(() -> fixtures.personality(stranger, "sol", "Other Sol", false))
                    .isInstanceOf(SlugTakenException.class).hasMessageContaining("sol");
            Personality other = fixtures.personality(owner, "terra", "Terra", false);

            Personality renamed = personalities.update(p.id(), PersonalityDraft.of("Sol", "sol-two", "info", "traits")).orElseThrow();

            assertThat(renamed.id()).isEqualTo(p.id());
            assertThat(renamed.slug()).isEqualTo("sol-two");
            assertThatThrownBy(() -> personalities.update(other.id(), PersonalityDraft.of("Terra", "sol-two", "i", "t")))
                    .isInstanceOf(SlugTakenException.class);
            assertThat(personalities.update(DeterministicIds.personality("nobody"), PersonalityDraft.of("X", "xyz", "i", "t"))).isEmpty();
        }

        @Test
        void lookupWalksIdNameSlugAliasWithTheAccessFilter() {
            Personality hidden = fixtures.personality(owner, "nyx", "Nyx", false);
            personalities.addAlias(hidden.id(), "Night");
            Viewer anonymous = Viewer.anonymous();

            assertThat(personalities.lookup(hidden.id().toString(), Viewer.of(owner))).contains(hidden);
            assertThat(personalities.lookup("NYX", Viewer.of(owner))).contains(hidden);
            assertThat(personalities.lookup("nyx", Viewer.of(botOwner))).contains(hidden);
            assertThat(personalities.lookup("night", Viewer.of(owner))).contains(hidden);
            assertThat(personalities.lookup(hidden.id().toString(), Viewer.of(stranger))).isEmpty();
            assertThat(personalities.lookup("Nyx", Viewer.of(stranger))).isEmpty();
            assertThat(personalities.lookup("NIGHT", anonymous)).isEmpty();
            assertThat(personalities.lookup("  ", anonymous)).isEmpty();

            personalities.addCoOwner(hidden.id(), coOwner.id());
            assertThat(personalities.lookup("night", Viewer.of(coOwner))).contains(hidden);
            assertThat(personalities.canEdit(hidden.id(), Viewer.of(coOwner))).isTrue();
            assertThat(personalities.canEdit(hidden.id(), Viewer.of(stranger))).isFalse();
            assertThat(personalities.canEdit(hidden.id(), Viewer.of(botOwner))).isTrue();
            assertThat(personalities.canView(hidden.id(), anonymous)).isFalse();
            personalities.removeCoOwner(hidden.id(), coOwner.id());
            assertThat(personalities.canView(hidden.id(), Viewer.of(coOwner))).isFalse();
        }

        @Test
        void nameComesBeforeSlugAndAlias() {
            Personality slugged = fixtures.personality(owner, "echo", "Reverb", true);
            Personality named = fixtures.personality(owner, "echo-two", "Echo", true);
            personalities.addAlias(slugged.id(), "Ekko");

            assertThat(personalities.lookup("echo", Viewer.anonymous())).contains(named);
            assertThat(personalities.lookup("ECHO-TWO", Viewer.anonymous())).contains(named);
            assertThat(personalities.lookup("ekko", Viewer.anonymous())).contains(slugged);
        }

        @Test
        void sharedNamesPreferPublicThenBotOwnedThenOldest() {
            Personality privateOne = fixtures.personality(owner, "iris-a", "Iris", false);
            clock.advance(Duration.ofSeconds(1));
            Personality publicOld = fixtures.personality(stranger, "iris-b", "Iris", true);
            clock.advance(Duration.ofSeconds(1));
            Personality publicBot = fixtures.personality(botOwner, "iris-c", "Iris", true);
            clock.advance(Duration.ofSeconds(1));
            Personality publicNew = fixtures.personality(stranger, "iris-d", "Iris", true);

            assertThat(personalities.lookup("iris", Viewer.of(owner))).contains(publicBot);
            personalities.delete(publicBot.id());
            assertThat(personalities.lookup("iris", Viewer.of(owner))).contains(publicOld);
            personalities.delete(publicOld.id());
            personalities.delete(publicNew.id());
            assertThat(personalities.lookup("iris", Viewer.of(owner))).contains(privateOne);
        }

        @Test
        void aliasesAreCaseInsensitiveAndUnique() {
            Personality a = fixtures.personality(owner, "ada", "Ada", true);
            Personality b = fixtures.personality(owner, "bea", "Bea", true);
            personalities.addAlias(a.id(), "  Countess ");
            personalities.addAlias(a.id(), "countess");

            assertThat(personalities.aliases(a.id())).containsExactly("countess");
            assertThatThrownBy(() -> personalities.addAlias(b.id(), "COUNTESS")).isInstanceOf(AliasTakenException.class);
            assertThatThrownBy(() -> personalities.addAlias(b.id(), " ")).isInstanceOf(IllegalArgumentException.class);
            personalities.removeAlias("Countess");
            assertThat(personalities.aliases(a.id())).isEmpty();
        }

        @Test
        void listVisibleShowsPublicOwnedAndCoOwned() {
            User viewer = fixtures.user("viewer");
            User maker = fixtures.user("maker");
            Personality mine = fixtures.personality(viewer, "mine-v", "Zed Mine", false);
            Personality shared = fixtures.personality(maker, "shared-v", "Zed Shared", false);
            Personality secret = fixtures.personality(maker, "secret-v", "Zed Secret", false);
            personalities.addCoOwner(shared.id(), viewer.id());

            assertThat(personalities.listVisible(Viewer.of(viewer))).contains(mine, shared).doesNotContain(secret);
            assertThat(personalities.listVisible(Viewer.of(botOwner))).contains(mine, shared, secret);
            assertThat(personalities.coOwners(shared.id())).containsExactly(viewer.id());
        }

        @Test
        void settingsTierAvatarAndPresetLinkAreStoredSeparately() {
            Personality p = fixtures.personality(owner, "vega", "Vega", true);
            Preset preset = fixtures.preset(owner, "Vega Preset", "openai/gpt-4o", false);
            ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.MEMORY_LIMIT, TierValue.of(0));
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};

            personalities.setConfigDefaults(p.id(), tier);
            clock.advance(Duration.ofMinutes(2));
            personalities.setAvatar(p.id(), png);
            personalities.setDefaultPreset(p.id(), preset.id());

            assertThat(personalities.configDefaults(p.id())).isEqualTo(tier);
            assertThat(personalities.avatar(p.id())).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(png));
            assertThat(personalities.hasAvatar(p.id())).isTrue();
            assertThat(personalities.findById(p.id()).orElseThrow().updatedAt()).isEqualTo(clock.instant());
            assertThat(personalities.defaultPresetId(p.id())).contains(preset.id());

            personalities.setAvatar(p.id(), null);
            personalities.setDefaultPreset(p.id(), null);
            personalities.setConfigDefaults(p.id(), ConfigOverrides.EMPTY);
            assertThat(personalities.avatar(p.id())).isEmpty();
            assertThat(personalities.hasAvatar(p.id())).isFalse();
            assertThat(personalities.hasAvatar(DeterministicIds.personality("ghost"))).isFalse();
            assertThat(personalities.defaultPresetId(p.id())).isEmpty();
            assertThat(personalities.configDefaults(p.id())).isEqualTo(ConfigOverrides.EMPTY);
            assertThatThrownBy(() -> personalities.setAvatar(DeterministicIds.personality("ghost"), png))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void deleteRemovesAliasesAndLinks() {
            Personality p = fixtures.personality(owner, "gone", "Gone", true);
            personalities.addAlias(p.id(), "bye");
            personalities.addCoOwner(p.id(), coOwner.id());

            assertThat(personalities.delete(p.id())).isTrue();
            assertThat(personalities.delete(p.id())).isFalse();
            assertThat(personalities.aliases(p.id())).isEmpty();
            assertThat(personalities.coOwners(p.id())).isEmpty();
            assertThat(personalities.findById(p.id())).isEmpty();
        }
    }

    @Nested
    class OnH2 extends PersonalityRepositoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends PersonalityRepositoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
