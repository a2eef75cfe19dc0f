package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The user cache on a real database and the real in-process bus: {@code raw} writes behind the caches' back (proving
 * a read is served from the cache), {@code here} and {@code there} are two processes' cached sets on one bus.
 */
class CachingUserRepositoryTest {

    private static final DiscordUserProfile ALICE = new DiscordUserProfile("100000000000000001", "alice", null, null, false);

    private final TwoProcesses sets = new TwoProcesses("users");
    private final Repositories raw = sets.raw;
    private final Repositories here = sets.here;
    private final Repositories there = sets.there;

    @AfterEach
    void close() {
        sets.close();
    }

    @Test
    void aKnownSpeakerIsServedFromTheCache() {
        User alice = here.users().getOrCreate(ALICE, false); // created: announced, nothing cached yet
        here.users().getOrCreate(ALICE, false);
        here.users().findById(alice.id());
        raw.users().setTimezone(alice.id(), "Europe/Paris"); // behind the cache's back

        assertThat(here.users().getOrCreate(ALICE, false).timezone()).as("served from the cache").isEqualTo(alice.timezone());
        assertThat(here.users().findById(alice.id()).orElseThrow().timezone()).isEqualTo(alice.timezone());
    }

    @Test
    void aChangeInOneProcessIsSeenInTheOtherAtOnce() {
        User alice = here.users().getOrCreate(ALICE, false);
        here.users().configDefaults(alice.id());

        there.users().setTimezone(alice.id(), "Asia/Tokyo");
        there.users().setConfigDefaults(alice.id(), io.tzurot.core.settings.ConfigOverrides.EMPTY);

        assertThat(here.users().getOrCreate(ALICE, false).timezone()).isEqualTo("Asia/Tokyo");
        assertThat(here.users().findByDiscordId(ALICE.discordId()).orElseThrow().timezone()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void aFirstRealNameAndASuperuserFlagStillReachTheDatabase() {
        DiscordUserProfile placeholder = new DiscordUserProfile("100000000000000002", "100000000000000002", null, null, false);
        User bob = here.users().getOrCreate(placeholder, false);
        assertThat(bob.username()).isEqualTo("100000000000000002");

        User named = here.users().getOrCreate(new DiscordUserProfile("100000000000000002", "bob", null, null, false), true);

        assertThat(named.username()).isEqualTo("bob");
        assertThat(named.superuser()).isTrue();
        assertThat(raw.users().findById(bob.id()).orElseThrow().username()).isEqualTo("bob");
    }

    @Test
    void aNewDefaultPersonaMadeThroughThePersonaRepositoryIsSeen() {
        User alice = here.users().getOrCreate(ALICE, false);
        UUID second = there.personas().create(alice.id(), new PersonaDraft("Work", null, "at work", "Alice", null,
                false)).id();
        there.users().setDefaultPersona(alice.id(), second);

        assertThat(here.users().findById(alice.id()).orElseThrow().defaultPersonaId()).isEqualTo(second);
    }
}
