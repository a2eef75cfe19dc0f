package io.tzurot.storage.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.channel.SceneSettingsRepository;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SceneSettingsRepositoryTest {

    abstract static class SceneSettingsContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiSceneSettingsRepository scene;
        private Fixtures fixtures;
        private User owner;

        SceneSettingsContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            scene = new JdbiSceneSettingsRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
            owner = fixtures.user("scene-owner");
        }

        @Test
        void limitsDefaultUntilSetThenKeepTheirValues() {
            assertThat(scene.limits()).isEqualTo(SceneLimits.DEFAULTS);
            assertThat(scene.setLimits(new SceneLimits(2, 4), owner.id())).isEqualTo(new SceneLimits(2, 4));
            assertThat(scene.setLimits(new SceneLimits(3, 1), null)).isEqualTo(new SceneLimits(3, 1));
            assertThat(scene.limits()).isEqualTo(new SceneLimits(3, 1));
            assertThat(scene.setLimits(new SceneLimits(3, 1, 2), null)).isEqualTo(new SceneLimits(3, 1, 2));
            assertThat(scene.limits().maxChain()).isEqualTo(2);
        }

        @Test
        void talkativenessDefaultsAndGoesWithItsCharacter() {
            Personality chatty = fixtures.personality(owner, "scene-chatty", "Chatty", true);
            Personality shy = fixtures.personality(owner, "scene-shy", "Shy", true);
            assertThat(scene.talkativeness(List.of())).isEmpty();
            assertThat(scene.talkativeness(List.of(chatty.id(), shy.id())))
                    .containsEntry(chatty.id(), SceneSettingsRepository.DEFAULT_TALKATIVENESS)
                    .containsEntry(shy.id(), SceneSettingsRepository.DEFAULT_TALKATIVENESS);

            scene.setTalkativeness(chatty.id(), 90);
            scene.setTalkativeness(shy.id(), 10);
            scene.setTalkativeness(shy.id(), 0);
            assertThat(scene.talkativeness(List.of(chatty.id(), shy.id())))
                    .containsEntry(chatty.id(), 90).containsEntry(shy.id(), 0);
            assertThatThrownBy(() -> scene.setTalkativeness(shy.id(), 101)).isInstanceOf(IllegalArgumentException.class);

            new JdbiPersonalityRepository(database().jdbi(), clock).delete(chatty.id());
            UUID gone = chatty.id();
            assertThat(scene.talkativeness(List.of(gone))).containsEntry(gone, SceneSettingsRepository.DEFAULT_TALKATIVENESS);
        }
    }

    @Nested
    class OnH2 extends SceneSettingsContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends SceneSettingsContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
