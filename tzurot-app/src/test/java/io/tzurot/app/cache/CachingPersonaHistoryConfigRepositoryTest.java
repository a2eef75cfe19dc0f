package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history epoch a reply reads comes from the cache (a write behind its back stays unseen) and follows a clear or
 * an undo made through any cached set on the bus, as two processes sharing Redis would.
 */
class CachingPersonaHistoryConfigRepositoryTest {

    private final TwoProcesses sets = new TwoProcesses("epochcache", EventTopic.PERSONA);
    private final Repositories raw = sets.raw;
    private final Repositories here = sets.here;
    private final Repositories there = sets.there;
    private final User owner = raw.users().getOrCreate(new DiscordUserProfile("900000000000000003", "owner", null, null,
            false), true);

    @AfterEach
    void close() {
        sets.close();
    }

    @Test
    void theEpochIsCachedAndFollowsClearsAndUndos() {
        Personality ada = raw.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.",
                "calm"));
        UUID persona = owner.defaultPersonaId();
        assertThat(here.historyEpochs().find(owner.id(), ada.id(), persona)).isEmpty();
        PersonaHistoryConfig behindItsBack = raw.historyEpochs().clearContext(owner.id(), ada.id(), persona);
        assertThat(here.historyEpochs().find(owner.id(), ada.id(), persona)).as("served from the cache").isEmpty();
        // the next clear must get a later epoch than this one, or undoing it could not be told from keeping it
        java.time.Instant first = behindItsBack.contextResetAt().orElseThrow();
        while (!java.time.Instant.now().isAfter(first.plusMillis(1))) {
            Thread.onSpinWait();
        }

        PersonaHistoryConfig cleared = there.historyEpochs().clearContext(owner.id(), ada.id(), persona);
        assertThat(here.historyEpochs().find(owner.id(), ada.id(), persona)).contains(cleared);

        there.historyEpochs().undoClear(owner.id(), ada.id(), persona);
        assertThat(here.historyEpochs().find(owner.id(), ada.id(), persona).flatMap(PersonaHistoryConfig::contextResetAt))
                .isEqualTo(raw.historyEpochs().find(owner.id(), ada.id(), persona)
                        .flatMap(PersonaHistoryConfig::contextResetAt))
                .isNotEqualTo(cleared.contextResetAt());
        assertThat(sets.announced).extracting(ChangeEvent::topic).containsOnly(EventTopic.PERSONA).hasSize(2);
    }
}
