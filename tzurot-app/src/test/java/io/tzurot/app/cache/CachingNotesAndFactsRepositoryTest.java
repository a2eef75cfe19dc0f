package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.facts.FactChange;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.NoteRole;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.core.notes.UserPrompt;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The author's notes, user prompts and memory facts a reply reads come from the cache (a write behind its back stays
 * unseen) and follow every write made through any cached set on the bus, as two processes sharing Redis would.
 */
class CachingNotesAndFactsRepositoryTest {

    private final TwoProcesses sets = new TwoProcesses("notescache", EventTopic.NOTES, EventTopic.FACTS);
    private final Repositories raw = sets.raw;
    private final Repositories here = sets.here;
    private final Repositories there = sets.there;
    private final User owner = raw.users().getOrCreate(new DiscordUserProfile("900000000000000003", "owner", null, null,
            false), true);
    private final Personality ada = raw.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada",
            "A librarian.", "patient"));
    private final UUID persona = raw.personas().listByOwner(owner.id()).get(0).id();

    @AfterEach
    void close() {
        sets.close();
    }

    private static AuthorsNote note(NoteScope scope, String text) {
        return new AuthorsNote(scope, text, 0, NoteRole.SYSTEM, 1, Instant.now());
    }

    private List<String> notesHere() {
        return notesIn("42");
    }

    private List<String> notesIn(String channel) {
        return here.authorsNotes().candidates(ada.id(), List.of(channel), owner.id()).stream().map(AuthorsNote::content)
                .toList();
    }

    @Test
    void aReplyInAChannelWithoutNotesIsAnsweredByTheCharactersEntryAndNotedChannelsKeepTheirNotes() {
        there.authorsNotes().save(note(new NoteScope.Character(ada.id()), "For Ada."), owner.id());
        there.authorsNotes().save(note(new NoteScope.Channel("50"), "In fifty."), owner.id());
        assertThat(notesIn("50")).containsExactlyInAnyOrder("For Ada.", "In fifty.");
        assertThat(notesIn("51")).containsExactly("For Ada.");

        raw.authorsNotes().save(note(new NoteScope.Character(ada.id()), "Changed behind the back."), owner.id());
        raw.authorsNotes().save(note(new NoteScope.Channel("52"), "Noted behind the back."), owner.id());
        assertThat(notesIn("52")).as("a channel not known to have notes is answered by the entry channel 51 filled")
                .containsExactly("For Ada.");
        assertThat(notesIn("50")).as("a noted channel has an entry of its own").contains("In fifty.");

        there.authorsNotes().save(note(new NoteScope.Channel("53"), "In fifty-three."), owner.id());
        assertThat(notesIn("52")).as("any note's write reloads which channels have notes")
                .containsExactlyInAnyOrder("Changed behind the back.", "Noted behind the back.");
        assertThat(notesIn("53")).containsExactlyInAnyOrder("Changed behind the back.", "In fifty-three.");
        assertThat(notesIn("54")).containsExactly("Changed behind the back.");
    }

    @Test
    void authorsNotesAndUserPromptsAreCachedAndFollowWrites() {
        assertThat(notesHere()).isEmpty();
        assertThat(here.userPrompts().forReply(owner.id(), ada.id())).isEmpty();
        raw.authorsNotes().save(note(new NoteScope.Character(ada.id()), "Behind the back."), owner.id());
        raw.userPrompts().save(new UserPrompt(owner.id(), Optional.empty(), "Be brief.", Instant.now()));
        assertThat(notesHere()).as("served from the cache").isEmpty();
        assertThat(here.userPrompts().forReply(owner.id(), ada.id())).as("served from the cache").isEmpty();
        assertThat(here.authorsNotes().find(new NoteScope.Character(ada.id()))).as("the editors' read is never cached")
                .isPresent();

        there.authorsNotes().save(note(new NoteScope.Channel("42"), "In this channel."), owner.id());
        assertThat(notesHere()).containsExactlyInAnyOrder("Behind the back.", "In this channel.");
        assertThat(here.userPrompts().forReply(owner.id(), ada.id())).extracting(UserPrompt::content)
                .as("one topic for notes and prompts").containsExactly("Be brief.");

        there.userPrompts().delete(owner.id(), Optional.empty());
        assertThat(here.userPrompts().forReply(owner.id(), ada.id())).isEmpty();
        there.authorsNotes().delete(new NoteScope.Channel("42"));
        assertThat(notesHere()).containsExactly("Behind the back.");
        assertThat(sets.announced).extracting(ChangeEvent::topic).containsOnly(EventTopic.NOTES).hasSize(3);

        there.personalities().delete(ada.id()); // the character's notes go with it: a PERSONALITY change evicts
        assertThat(notesHere()).isEmpty();
    }

    @Test
    void factsAreCachedAndFollowEveryWriteTheExtractionsIncluded() {
        PersonalityScope scope = PersonalityScope.only(ada.id());
        assertThat(here.facts().inScope(persona, scope, 20)).isEmpty();
        raw.facts().apply(persona, ada.id(), List.of(new FactChange.Add("has a cat", 0.9)), "exchange:x", Instant.now());
        assertThat(here.facts().inScope(persona, scope, 20)).as("served from the cache").isEmpty();

        there.facts().apply(persona, ada.id(), List.of(new FactChange.Add("likes tea", 0.8)), "exchange:y",
                Instant.now());
        List<MemoryFact> both = here.facts().inScope(persona, scope, 20);
        assertThat(both).extracting(MemoryFact::content).containsExactlyInAnyOrder("has a cat", "likes tea");

        MemoryFact cat = both.stream().filter(f -> f.content().equals("has a cat")).findFirst().orElseThrow();
        there.facts().correct(cat.id(), "has two cats", Instant.now());
        assertThat(here.facts().inScope(persona, scope, 20)).extracting(MemoryFact::content).contains("has two cats");
        there.facts().delete(cat.id());
        assertThat(here.facts().inScope(persona, scope, 20)).extracting(MemoryFact::content).containsExactly("likes tea");
        assertThat(sets.announced).extracting(ChangeEvent::topic).containsOnly(EventTopic.FACTS).hasSize(3);

        raw.facts().apply(persona, ada.id(), List.of(new FactChange.Add("walks at dawn", 0.7)), "exchange:z",
                Instant.now());
        sets.bus.publish(ChangeEvent.all(EventTopic.USER)); // an erasure announces every topic
        assertThat(here.facts().inScope(persona, scope, 20)).hasSize(2);
    }
}
