package io.tzurot.app.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.testkit.model.FakeReply;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** User references in the character card and in the model's answer become persona names (pipeline.md §2.1, §6.2). */
class ReplyEngineUserReferencesTest {

    abstract static class Scenario extends EngineScenario {

        Scenario(Dialect dialect) {
            super(dialect);
        }

        @Test
        void aMentionInTheCardAndAUsernameInTheAnswerBecomeTheFriendsPersonaName() {
            User friend = fixture.repos.users().getOrCreate(
                    new DiscordUserProfile("300000000000000777", "gracie", null, null, false), false);
            Persona persona = fixture.repos.personas().create(friend.id(),
                    new PersonaDraft("Admiral", null, "Wrote the first compiler.", "Grace Hopper", "she/her", false));
            fixture.repos.users().setDefaultPersona(friend.id(), persona.id());
            User owner = fixture.repos.users().getOrCreate(
                    new DiscordUserProfile("900000000000000002", "owner2", null, null, false), false);
            fixture.repos.personalities().create(owner.id(), PersonalityDraft.of("Bea", "bea",
                    "Bea learned programming from <@300000000000000777>.", "curious").withPublic(true));
            fixture.model.enqueue(FakeReply.text("You should ask @gracie about compilers, she taught me."));

            ReplyOutcome outcome = fixture.say("100000000000000042", "bea", "333333333333333333", "Who taught you?");

            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(((ReplyOutcome.Replied) outcome).content())
                    .isEqualTo("You should ask Grace Hopper about compilers, she taught me.");
            String system = fixture.model.lastRequest().body().path("messages").get(0).path("content").asText();
            assertThat(system).contains("<character_info>Bea learned programming from Grace Hopper.</character_info>")
                    .contains("<participant id=\"" + persona.id() + "\">")
                    .contains("<name>Grace Hopper</name>")
                    .doesNotContain("<@300000000000000777>");
        }
    }

    @Nested
    class OnH2 extends Scenario {
        OnH2() {
            super(Dialect.H2);
        }
    }
}
