package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LoreTarget;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lorebooks a reply reads come from the cache (a write behind its back stays unseen) and follow every write made
 * through any cached set on the bus, as two processes sharing Redis would.
 */
class CachingLorebookRepositoryTest {

    private final TwoProcesses sets = new TwoProcesses("lorecache", EventTopic.LOREBOOK);
    private final Repositories raw = sets.raw;
    private final Repositories here = sets.here;
    private final Repositories there = sets.there;
    private final User owner = raw.users().getOrCreate(new DiscordUserProfile("900000000000000002", "owner", null, null,
            false), true);

    @AfterEach
    void close() {
        sets.close();
    }

    private static LorebookContent named(String name) {
        return new LorebookContent(name, null, null, null, null, null, null, List.of());
    }

    @Test
    void attachmentsOfEveryTargetAreCachedAndFollowWrites() {
        LoreTarget channel = LoreTarget.channel("42");
        Lorebook book = there.lorebooks().create(owner.id(), named("World"));
        assertThat(here.lorebooks().attachedTo(channel)).isEmpty();
        raw.lorebooks().attach(channel, book.id());
        assertThat(here.lorebooks().attachedTo(channel)).as("served from the cache").isEmpty();

        there.lorebooks().attach(LoreTarget.global(), book.id());
        assertThat(here.lorebooks().attachedTo(channel)).extracting(Lorebook::name).containsExactly("World");
        assertThat(here.lorebooks().attachedTo(LoreTarget.global())).extracting(Lorebook::name).containsExactly("World");

        there.lorebooks().replace(book.id(), named("Renamed"));
        assertThat(here.lorebooks().attachedTo(LoreTarget.global())).extracting(Lorebook::name)
                .containsExactly("Renamed");
        there.lorebooks().detach(LoreTarget.global(), book.id());
        assertThat(here.lorebooks().attachedTo(LoreTarget.global())).isEmpty();
        there.lorebooks().delete(book.id());
        assertThat(here.lorebooks().attachedTo(channel)).isEmpty();
        assertThat(sets.announced).extracting(ChangeEvent::topic).containsOnly(EventTopic.LOREBOOK).hasSize(5);
    }

    @Test
    void aCharactersBooksFollowAttachmentsAndTheCharactersDeletion() {
        Personality ada = raw.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.",
                "patient"));
        Lorebook book = there.lorebooks().create(owner.id(), named("Library"));
        assertThat(here.lorebooks().attachedTo(ada.id())).isEmpty();
        there.lorebooks().attach(ada.id(), book.id());
        assertThat(here.lorebooks().attachedTo(ada.id())).extracting(Lorebook::name).containsExactly("Library");
        raw.lorebooks().detach(ada.id(), book.id());
        assertThat(here.lorebooks().attachedTo(ada.id())).as("served from the cache").hasSize(1);
        there.personalities().delete(ada.id()); // a PERSONALITY change evicts the books too
        assertThat(here.lorebooks().attachedTo(ada.id())).isEmpty();
    }
}
