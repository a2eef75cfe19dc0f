package io.tzurot.storage.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.AdvancedParameters.Reasoning;
import io.tzurot.core.preset.AdvancedParameters.ReasoningEffort;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetCascade;
import io.tzurot.core.preset.PresetDeletion;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.preset.PresetNameTakenException;
import io.tzurot.core.preset.PresetParameter;
import io.tzurot.core.preset.PresetSource;
import io.tzurot.core.preset.ResolvePreset;
import io.tzurot.core.preset.ResolvedPreset;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.MutableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PresetRepositoryTest {

    abstract static class PresetRepositoryContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-05-01T08:00:00Z");
        private JdbiPresetRepository presets;
        private JdbiPersonalityRepository personalities;
        private JdbiUserRepository users;
        private JdbiUserPersonalityConfigRepository overrides;
        private Fixtures fixtures;
        private User admin;

        PresetRepositoryContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            presets = new JdbiPresetRepository(database().jdbi(), clock);
            personalities = new JdbiPersonalityRepository(database().jdbi(), clock);
            users = new JdbiUserRepository(database().jdbi(), clock);
            overrides = new JdbiUserPersonalityConfigRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
            admin = fixtures.botOwner("admin");
        }

        private String rawParameters(Preset preset) {
            return database().jdbi().withHandle(h -> h.createQuery("SELECT advanced_parameters FROM llm_configs WHERE id = :id")
                    .bind("id", preset.id()).map((rs, ctx) -> rs.getString(1)).one()).replace(" ", "");
        }

        @Test
        void advancedParametersRoundTripAsSnakeCaseJson() {
            AdvancedParameters params = new AdvancedParameters(0.9, 0.95, 40, 0.1, -0.2, 1.1, 0.05, 0.2, 42L, 4096,
                    List.of("###"), Map.of("50256", -100.0), AdvancedParameters.ResponseFormat.JSON_OBJECT, true,
                    new Reasoning(ReasoningEffort.HIGH, 2048, false, true), List.of("middle-out"), "fallback",
                    AdvancedParameters.Verbosity.LOW);
            Preset preset = presets.create(admin.id(), new PresetDraft("  Rich  ", "all knobs", true, null,
                    "openai/gpt-4o", "openai/gpt-4o-mini", params, 64_000));

            assertThat(preset.id()).isEqualTo(DeterministicIds.preset("Rich"));
            assertThat(preset.name()).isEqualTo("Rich");
            assertThat(preset.provider()).isEqualTo("openrouter");
            assertThat(preset.advancedParameters()).isEqualTo(params);
            assertThat(presets.findById(preset.id())).contains(preset);
            assertThat(rawParameters(preset)).contains("\"top_p\"", "\"frequency_penalty\"", "\"logit_bias\"",
                    "\"response_format\":\"json_object\"", "\"effort\":\"high\"", "\"max_tokens\":2048", "\"verbosity\":\"low\"");
        }

        @Test
        void invalidStoredParametersAreIgnoredNotFatal() {
            Preset preset = fixtures.preset(admin, "Broken", "openai/gpt-4o", true);
            List<String> invalid = new java.util.ArrayList<>(List.of("{\"temperature\": 7}", "{\"temperature\": \"hot\"}",
                    "[1,2]", "{\"top_k\": 1.5}", "{\"reasoning\": {\"effort\": \"extreme\"}}"));
            if (dialect() == Dialect.H2) {
                invalid.add("not json"); // jsonb refuses malformed documents on PostgreSQL; H2 stores text
            }
            for (String bad : invalid) {
                database().jdbi().useHandle(h -> h.createUpdate("UPDATE llm_configs SET advanced_parameters = :json WHERE id = :id")
                        .bind("json", new JsonText(bad)).bind("id", preset.id()).execute());
                assertThat(presets.findById(preset.id()).orElseThrow().advancedParameters()).as(bad).isEqualTo(AdvancedParameters.NONE);
            }
            database().jdbi().useHandle(h -> h.createUpdate("UPDATE llm_configs SET advanced_parameters = :json WHERE id = :id")
                    .bind("json", new JsonText("{\"temperature\": 1.2, \"future_knob\": 3}")).bind("id", preset.id()).execute());
            assertThat(presets.findById(preset.id()).orElseThrow().advancedParameters().temperature()).isEqualTo(1.2);
        }

        @Test
        void namesAreUniqueAndUpdatesKeepTheId() {
            Preset preset = fixtures.preset(admin, "Unique", "openai/gpt-4o", false);
            assertThatThrownBy(() -> fixtures.preset(fixtures.user("copycat"), "Unique", "x/y", false))
                    .isInstanceOf(PresetNameTakenException.class);

            Preset updated = presets.update(preset.id(), PresetDraft.of("Renamed", "meta/llama-3")).orElseThrow();

            assertThat(updated.id()).isEqualTo(preset.id());
            assertThat(updated.name()).isEqualTo("Renamed");
            assertThat(updated.model()).isEqualTo("meta/llama-3");
            assertThat(presets.update(DeterministicIds.preset("missing"), PresetDraft.of("x", "y"))).isEmpty();
            fixtures.preset(admin, "Occupied", "a/b", true);
            assertThatThrownBy(() -> presets.update(preset.id(), PresetDraft.of("Occupied", "a/b")))
                    .isInstanceOf(PresetNameTakenException.class);
        }

        @Test
        void usersSeeGlobalsAndTheirOwn() {
            User user = fixtures.user("selector");
            Preset mine = fixtures.preset(user, "Zz Mine", "a/b", false);
            Preset theirs = fixtures.preset(fixtures.user("other"), "Zz Theirs", "a/b", false);
            Preset global = fixtures.preset(admin, "Zz Global", "a/b", true);

            List<Preset> selectable = presets.listSelectableBy(user.id());

            assertThat(selectable).contains(mine, global).doesNotContain(theirs);
            assertThat(selectable.indexOf(global)).isLessThan(selectable.indexOf(mine));
            assertThat(mine.selectableBy(user.id())).isTrue();
            assertThat(theirs.selectableBy(user.id())).isFalse();
        }

        @Test
        void singletonFlagsMoveAndFollowTheirRules() {
            Preset a = fixtures.preset(admin, "Default A", "a/a", true);
            Preset b = fixtures.preset(admin, "Default B", "b/b", true);
            Preset privateOne = fixtures.preset(admin, "Private", "c/c", false);
            Preset free = fixtures.preset(admin, "Free", "google/gemma-3-27b-it:free", true);

            presets.setSystemDefault(a.id());
            presets.setSystemDefault(b.id());
            presets.setFreeDefault(free.id());

            assertThat(presets.findSystemDefault().orElseThrow().id()).isEqualTo(b.id());
            assertThat(presets.findById(a.id()).orElseThrow().isDefault()).isFalse();
            assertThat(presets.findFreeDefault().orElseThrow().id()).isEqualTo(free.id());
            assertThatThrownBy(() -> presets.setSystemDefault(privateOne.id())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("global");
            assertThatThrownBy(() -> presets.setFreeDefault(a.id())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(":free");
            assertThatThrownBy(() -> presets.update(b.id(), PresetDraft.of("Default B", "b/b")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("global");
            assertThat(presets.delete(b.id())).isEqualTo(PresetDeletion.IS_SYSTEM_DEFAULT);
        }

        @Test
        void deleteIsBlockedWhileReferenced() {
            User user = fixtures.user("deleter");
            Personality p = fixtures.personality(user, "del-pal", "Pal", true);
            Preset linked = fixtures.preset(user, "Linked", "a/b", false);
            Preset chosen = fixtures.preset(user, "Chosen", "a/b", false);
            Preset loose = fixtures.preset(user, "Loose", "a/b", false);
            personalities.setDefaultPreset(p.id(), linked.id());
            overrides.setPresetOverride(user.id(), p.id(), chosen.id());

            assertThat(presets.delete(linked.id())).isEqualTo(PresetDeletion.IN_USE);
            assertThat(presets.delete(chosen.id())).isEqualTo(PresetDeletion.IN_USE);
            assertThat(presets.delete(loose.id())).isEqualTo(PresetDeletion.DELETED);
            assertThat(presets.delete(loose.id())).isEqualTo(PresetDeletion.NOT_FOUND);
        }

        @Test
        void resolvePresetLoadsEveryTier() {
            User user = fixtures.user("resolver");
            Personality linkedPal = fixtures.personality(user, "res-linked", "Linked", true);
            Personality barePal = fixtures.personality(user, "res-bare", "Bare", true);
            personalities.setDefaultPreset(barePal.id(), null);
            Preset personalityPreset = presets.create(admin.id(), PresetDraft.of("Res Personality", "p/model")
                    .withGlobal(true).withAdvancedParameters(params(0.3, 500)));
            Preset global = presets.create(admin.id(), PresetDraft.of("Res Global", "g/model").withGlobal(true));
            presets.setSystemDefault(global.id());
            personalities.setDefaultPreset(linkedPal.id(), personalityPreset.id());
            ResolvePreset resolve = new ResolvePreset(presets, users, personalities, overrides, new PresetCascade(BuiltInPreset.DEFAULT));

            ResolvedPreset anonymous = resolve.resolve(null, linkedPal.id());
            assertThat(anonymous.model()).isEqualTo("p/model");
            assertThat(anonymous.parameters().temperature()).isEqualTo(0.3);
            assertThat(anonymous.source()).isEqualTo(PresetSource.PERSONALITY);
            ResolvedPreset bare = resolve.resolve(user.id(), barePal.id());
            assertThat(bare.model()).isEqualTo("g/model");
            assertThat(bare.source()).isEqualTo(PresetSource.ADMIN_DEFAULT);
            assertThat(bare.sourceOf(PresetParameter.TEMPERATURE)).isEqualTo(PresetSource.BUILT_IN);

            Preset userDefault = presets.create(user.id(), PresetDraft.of("Res Mine", "u/model")
                    .withAdvancedParameters(params(null, 900)));
            users.setDefaultPreset(user.id(), userDefault.id());
            ResolvedPreset byDefault = resolve.resolve(user.id(), linkedPal.id());
            assertThat(byDefault.model()).isEqualTo("u/model");
            assertThat(byDefault.parameters().maxTokens()).isEqualTo(900);
            assertThat(byDefault.parameters().temperature()).isEqualTo(0.3);
            assertThat(byDefault.sourceOf(PresetParameter.TEMPERATURE)).isEqualTo(PresetSource.PERSONALITY);
            assertThat(byDefault.presetName()).isEqualTo("Res Mine");

            Preset perPal = presets.create(user.id(), PresetDraft.of("Res Per Pal", "x/model"));
            overrides.setPresetOverride(user.id(), linkedPal.id(), perPal.id());
            ResolvedPreset overridden = resolve.resolve(user.id(), linkedPal.id());
            assertThat(overridden.model()).isEqualTo("x/model");
            assertThat(overridden.source()).isEqualTo(PresetSource.USER_PERSONALITY);
            assertThat(overridden.parameters().maxTokens()).isEqualTo(500);
        }

        @Test
        void presetsMadePrivateByTheirOwnerAreSkipped() {
            User user = fixtures.user("chooser");
            User other = fixtures.user("sharer");
            Personality p = fixtures.personality(user, "priv-pal", "Pal", true);
            Preset shared = fixtures.preset(other, "Shared Then Private", "s/model", true);
            users.setDefaultPreset(user.id(), shared.id());
            presets.update(shared.id(), PresetDraft.of("Shared Then Private", "s/model"));
            ResolvePreset resolve = new ResolvePreset(presets, users, personalities, overrides, new PresetCascade(BuiltInPreset.DEFAULT));

            assertThat(resolve.resolve(user.id(), p.id()).model()).isNotEqualTo("s/model");
            assertThatThrownBy(() -> users.setDefaultPreset(user.id(), shared.id()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("neither global nor owned");
        }

        private static AdvancedParameters params(Double temperature, Integer maxTokens) {
            return new AdvancedParameters(temperature, null, null, null, null, null, null, null, null, maxTokens,
                    null, null, null, null, null, null, null, null);
        }
    }

    @Nested
    class OnH2 extends PresetRepositoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends PresetRepositoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
