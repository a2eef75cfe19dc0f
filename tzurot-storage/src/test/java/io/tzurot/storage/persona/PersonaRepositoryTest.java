package io.tzurot.storage.persona;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDeletion;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.persona.PersonaNameTakenException;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.persona.PersonaSource;
import io.tzurot.core.persona.ResolvedPersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PersonaRepositoryTest {

    abstract static class PersonaRepositoryContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-02-01T10:00:00Z");
        private JdbiPersonaRepository personas;
        private JdbiUserRepository users;
        private JdbiUserPersonalityConfigRepository overrides;
        private ResolvePersona resolver;
        private Fixtures fixtures;

        PersonaRepositoryContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            personas = new JdbiPersonaRepository(database().jdbi(), clock);
            users = new JdbiUserRepository(database().jdbi(), clock);
            overrides = new JdbiUserPersonalityConfigRepository(database().jdbi(), clock);
            resolver = new ResolvePersona(users, personas, overrides);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        private static PersonaDraft draft(String name) {
            return new PersonaDraft(name, "  ", "I am " + name, null, "they/them", false);
        }

        @Test
        void firstPersonaBecomesTheDefaultAndLaterOnesDoNot() {
            User user = fixtures.user("kim");
            users.setDefaultPersona(user.id(), null);
            personas.delete(user.id(), personas.listByOwner(user.id()).get(0).id());

            Persona first = personas.create(user.id(), draft("Work"));
            clock.advance(Duration.ofSeconds(1));
            Persona second = personas.create(user.id(), draft("Play"));

            assertThat(first.id()).isEqualTo(DeterministicIds.persona(user.id(), "Work"));
            assertThat(first.description()).isNull();
            assertThat(first.pronouns()).isEqualTo("they/them");
            assertThat(users.findById(user.id()).orElseThrow().defaultPersonaId()).isEqualTo(first.id());
            assertThat(personas.listByOwner(user.id())).extracting(Persona::name).containsExactly("Work", "Play");
            assertThat(personas.oldestOwnedBy(user.id())).contains(first);
            assertThat(second.id()).isNotEqualTo(first.id());
        }

        @Test
        void duplicateNameIsRefused() {
            User user = fixtures.user("lee");
            personas.create(user.id(), draft("Twin"));

            assertThatThrownBy(() -> personas.create(user.id(), draft("Twin")))
                    .isInstanceOf(PersonaNameTakenException.class).hasMessageContaining("Twin");
        }

        @Test
        void updateKeepsTheIdAndOnlyTheOwnerMayUpdate() {
            User owner = fixtures.user("mia");
            User stranger = fixtures.user("ned");
            Persona persona = personas.create(owner.id(), draft("Old"));
            clock.advance(Duration.ofMinutes(1));

            Persona renamed = personas.update(owner.id(), persona.id(),
                    new PersonaDraft("New", "short", "new content", "Mimi", null, true)).orElseThrow();

            assertThat(renamed.id()).isEqualTo(persona.id());
            assertThat(renamed.name()).isEqualTo("New");
            assertThat(renamed.preferredName()).isEqualTo("Mimi");
            assertThat(renamed.displayName()).isEqualTo("Mimi");
            assertThat(renamed.shareLtmAcrossPersonalities()).isTrue();
            assertThat(renamed.updatedAt()).isEqualTo(clock.instant());
            assertThat(renamed.createdAt()).isEqualTo(persona.createdAt());
            assertThat(personas.update(stranger.id(), persona.id(), draft("Hijack"))).isEmpty();
            personas.create(owner.id(), draft("Taken"));
            assertThatThrownBy(() -> personas.update(owner.id(), persona.id(), draft("Taken")))
                    .isInstanceOf(PersonaNameTakenException.class);
        }

        @Test
        void defaultPersonaCannotBeDeletedButOthersCan() {
            User user = fixtures.user("olga");
            Persona extra = personas.create(user.id(), draft("Extra"));
            java.util.UUID defaultId = users.findById(user.id()).orElseThrow().defaultPersonaId();

            assertThat(personas.delete(user.id(), defaultId)).isEqualTo(PersonaDeletion.IS_DEFAULT);
            assertThat(personas.delete(fixtures.user("pat").id(), extra.id())).isEqualTo(PersonaDeletion.NOT_FOUND);
            assertThat(personas.delete(user.id(), extra.id())).isEqualTo(PersonaDeletion.DELETED);
            assertThat(personas.findById(extra.id())).isEmpty();
            assertThat(personas.findById(defaultId)).isPresent();
        }

        @Test
        void resolverPrefersOverrideThenDefaultThenOldestPersisted() {
            User user = fixtures.user("quinn");
            Personality character = fixtures.personality(user, "quinn-pal", "Pal", true);
            Personality other = fixtures.personality(user, "quinn-other", "Other", true);
            java.util.UUID defaultId = user.defaultPersonaId();
            clock.advance(Duration.ofSeconds(1));
            Persona special = personas.create(user.id(), draft("Special"));

            overrides.setPersonaOverride(user.id(), character.id(), special.id());
            ResolvedPersona overridden = resolver.resolve(user.id(), character.id());
            ResolvedPersona elsewhere = resolver.resolveByDiscordId(user.discordId(), other.id());

            assertThat(overridden.source()).isEqualTo(PersonaSource.CONTEXT_OVERRIDE);
            assertThat(overridden.persona()).contains(special);
            assertThat(elsewhere.source()).isEqualTo(PersonaSource.USER_DEFAULT);
            assertThat(elsewhere.persona().orElseThrow().id()).isEqualTo(defaultId);

            users.setDefaultPersona(user.id(), null);
            ResolvedPersona auto = resolver.resolve(user.id(), other.id());
            assertThat(auto.source()).isEqualTo(PersonaSource.AUTO_DEFAULT);
            assertThat(auto.persona().orElseThrow().id()).isEqualTo(defaultId);
            assertThat(users.findById(user.id()).orElseThrow().defaultPersonaId()).isEqualTo(defaultId);
        }

        @Test
        void resolverFallsBackToNoPersona() {
            User user = fixtures.user("ruth");
            Personality character = fixtures.personality(user, "ruth-pal", "Pal", true);
            users.setDefaultPersona(user.id(), null);
            personas.delete(user.id(), personas.listByOwner(user.id()).get(0).id());

            assertThat(resolver.resolve(user.id(), character.id())).isEqualTo(ResolvedPersona.none());
            assertThat(resolver.resolve(null, character.id())).isEqualTo(ResolvedPersona.none());
            assertThat(resolver.resolveByDiscordId("123", character.id())).isEqualTo(ResolvedPersona.none());
        }

        @Test
        void deletedOverridePersonaFallsBackToTheDefault() {
            User user = fixtures.user("sam");
            Personality character = fixtures.personality(user, "sam-pal", "Pal", true);
            Persona special = personas.create(user.id(), draft("Gone"));
            overrides.setPersonaOverride(user.id(), character.id(), special.id());

            personas.delete(user.id(), special.id());

            assertThat(overrides.find(user.id(), character.id()).orElseThrow().personaOverride()).isEmpty();
            assertThat(resolver.resolve(user.id(), character.id()).source()).isEqualTo(PersonaSource.USER_DEFAULT);
        }
    }

    @Nested
    class OnH2 extends PersonaRepositoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends PersonaRepositoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
