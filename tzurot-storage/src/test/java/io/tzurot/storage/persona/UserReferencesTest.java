package io.tzurot.storage.persona;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.portability.ShapesPersonaMapping;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.portability.JdbiShapesPersonaMappingRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.MutableClock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserReferencesTest {

    abstract static class Contract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-03-01T10:00:00Z");
        private JdbiPersonaRepository personas;
        private JdbiUserRepository users;
        private JdbiUserPersonalityConfigRepository overrides;
        private JdbiShapesPersonaMappingRepository shapes;
        private UserReferences references;
        private Fixtures fixtures;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            personas = new JdbiPersonaRepository(database().jdbi(), clock);
            users = new JdbiUserRepository(database().jdbi(), clock);
            overrides = new JdbiUserPersonalityConfigRepository(database().jdbi(), clock);
            shapes = new JdbiShapesPersonaMappingRepository(database());
            references = new UserReferences(users, new ResolvePersona(users, personas, overrides), personas, shapes);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        private static String unique(String base) {
            return base + UUID.randomUUID().toString().substring(0, 6);
        }

        /** A public personality of a fresh owner, for the references to be resolved against. */
        private Personality character() {
            return fixtures.personality(fixtures.user(unique("owner")), unique("pal-"), "Pal", true);
        }

        private Persona named(User user, String preferred) {
            Persona p = personas.create(user.id(), new PersonaDraft(unique("p"), null, "About " + preferred, preferred,
                    "she/her", false));
            users.setDefaultPersona(user.id(), p.id());
            return p;
        }

        @Test
        void aMessagesUserMentionsBecomeAtPersonaNamesForAtMostTenUsers() {
            Personality character = character();
            User speaker = fixtures.user(unique("speaker"));
            Persona speakerPersona = named(speaker, "Speaker");
            StringBuilder text = new StringBuilder("<@" + speaker.discordId() + "> ");
            java.util.List<Persona> named = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                User u = fixtures.user(unique("u" + i));
                named.add(named(u, "Friend" + i));
                text.append("<@").append(u.discordId()).append("> ");
            }
            User eleventh = fixtures.user(unique("late"));
            named(eleventh, "Late");
            text.append("<@").append(eleventh.discordId()).append("> <@!").append(speaker.discordId())
                    .append("> <@100000000000000999> @").append(eleventh.username());

            UserReferences.Scope scope = references.scope(character.id(), Optional.of(speakerPersona.id()));
            String resolved = scope.mentionsInMessage(text.toString());

            // the speaker counts as one of the ten; users beyond them and an unknown id stay as written
            // (Friend9 and the eleventh are the eleventh and twelfth distinct users)
            assertThat(resolved).startsWith("@Speaker @Friend0 @Friend1 ").contains("@Friend8 <@")
                    .contains("> <@" + eleventh.discordId() + "> @Speaker <@100000000000000999> @" + eleventh.username())
                    .doesNotContain("Friend9").doesNotContain("@Late");
            assertThat(scope.mentioned()).hasSize(9).extracting(Persona::id)
                    .doesNotContain(speakerPersona.id()).startsWith(named.get(0).id());
            assertThat(scope.personaName(eleventh.discordId())).contains("Late");
            assertThat(scope.personaName("100000000000000998")).isEmpty();
        }

        @Test
        void allThreeShapesBecomePersonaNamesAndJoinTheParticipants() {
            Personality character = character();
            User ada = fixtures.user(unique("ada"));
            Persona adaPersona = named(ada, "Ada L.");
            User bob = fixtures.user(unique("bob"));
            Persona bobPersona = named(bob, "Bobby");
            User cy = fixtures.user(unique("cy"));
            Persona cyPersona = named(cy, "Cyrus");
            UUID shapesId = UUID.randomUUID();
            shapes.add(new ShapesPersonaMapping(UUID.randomUUID(), shapesId, cyPersona.id(), cy.id(), "unverified",
                    Instant.parse("2026-03-01T00:00:00Z")));

            UserReferences.Scope scope = references.scope(character.id(), Optional.empty());
            String text = "Friends: <@" + ada.discordId() + ">, <@!" + ada.discordId() + ">, @" + bob.username()
                    + " and @[oldname](user:" + shapesId + ").";

            assertThat(scope.inPrompt(text)).isEqualTo("Friends: Ada L., Ada L., Bobby and Cyrus.");
            assertThat(scope.mentioned()).extracting(Persona::id)
                    .containsExactly(adaPersona.id(), bobPersona.id(), cyPersona.id());
        }

        @Test
        void thePerPersonalityOverrideWinsAndTheSpeakerIsNoParticipant() {
            Personality character = character();
            User dee = fixtures.user(unique("dee"));
            named(dee, "Dee Default");
            Persona special = personas.create(dee.id(), new PersonaDraft(unique("s"), null, "x", "Dee For Pal", null, false));
            overrides.setPersonaOverride(dee.id(), character.id(), special.id());

            UserReferences.Scope scope = references.scope(character.id(), Optional.of(special.id()));
            assertThat(scope.inPrompt("hi <@" + dee.discordId() + ">")).isEqualTo("hi Dee For Pal");
            assertThat(scope.mentioned()).isEmpty();
        }

        @Test
        void unknownReferencesCodeAndEmailAddressesStayAsWritten() {
            Personality character = character();
            User eve = fixtures.user(unique("eve"));
            named(eve, "Evelyn");
            UserReferences.Scope scope = references.scope(character.id(), Optional.empty());
            UUID unmapped = UUID.randomUUID();

            String text = "@nobody_here <@12345678901234567890> mail me at x@" + eve.username() + ".org\n```\n@"
                    + eve.username() + "\n```\n@[Old Name](user:" + unmapped + ") @" + eve.username();
            assertThat(scope.inOutput(text)).isEqualTo("@nobody_here <@12345678901234567890> mail me at x@"
                    + eve.username() + ".org\n```\n@" + eve.username() + "\n```\nOld Name Evelyn");
            assertThat(scope.mentioned()).as("output references add nobody").isEmpty();
        }

        @Test
        void usernamesMatchIgnoringCaseAndTextWithoutAtSignsIsReturnedAsIs() {
            Personality character = character();
            User fay = fixtures.user(unique("Fay"));
            named(fay, "Faye");
            UserReferences.Scope scope = references.scope(character.id(), Optional.empty());
            String plain = "nothing to see";

            assertThat(scope.inPrompt(plain)).isSameAs(plain);
            assertThat(scope.inPrompt("@" + fay.username().toUpperCase(Locale.ROOT))).isEqualTo("Faye");
            assertThat(users.findByUsername(fay.username().toLowerCase(Locale.ROOT))).map(User::id)
                    .contains(fay.id());
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
