package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.apikey.EncryptedSecret;
import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The caching repositories on a real database and the real in-process bus. {@code raw} writes behind the caches'
 * back (proving a read is served from the cache), {@code here} and {@code there} are two cached sets on one bus, as
 * two processes sharing Redis are: a write through either is visible to the other's next read, with no TTL involved.
 */
class CachingRepositoriesTest {

    private final Database database = Database.open(DatabaseSettings.inMemory("cache" + UUID.randomUUID().toString().replace("-", "")));
    private final InProcessEventBus bus = new InProcessEventBus();
    private final List<ChangeEvent> announced = new CopyOnWriteArrayList<>();
    private final Repositories raw = Repositories.of(database, Clock.systemUTC());
    private final Repositories here = raw.cached(bus);
    private final Repositories there = raw.cached(bus);
    private final User owner = raw.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), true);

    CachingRepositoriesTest() {
        for (EventTopic topic : EventTopic.values()) {
            bus.subscribe(topic, announced::add);
        }
    }

    @AfterEach
    void close() {
        bus.close();
        database.close();
    }

    private List<EventTopic> topics() {
        return announced.stream().map(ChangeEvent::topic).toList();
    }

    @Test
    void aPersonaEditIsSeenAtOnceThoughReadsComeFromTheCache() {
        Persona persona = here.personas().findById(owner.defaultPersonaId()).orElseThrow();
        raw.personas().update(owner.id(), persona.id(), draft(persona, "edited behind the cache"));
        assertThat(here.personas().findById(persona.id()).orElseThrow().content()).as("served from the cache")
                .isEqualTo(persona.content());

        there.personas().update(owner.id(), persona.id(), draft(persona, "a marine biologist"));
        assertThat(here.personas().findById(persona.id()).orElseThrow().content()).isEqualTo("a marine biologist");
        assertThat(topics()).containsExactly(EventTopic.PERSONA);
    }

    @Test
    void aWorkerThatHasNotHeardTheEventYetStillSeesTheEditAfterSyncingTheEpoch() {
        // two processes sharing a key store whose change events have not crossed (yet): only the epoch orders them
        InProcessKeyStore keys = new InProcessKeyStore();
        InProcessEventBus otherBus = new InProcessEventBus();
        try {
            ConfigEpoch workerEpoch = new ConfigEpoch(keys);
            Repositories worker = raw.cached(bus, workerEpoch);
            Repositories editor = raw.cached(otherBus, new ConfigEpoch(keys));
            workerEpoch.sync();
            Persona persona = worker.personas().findById(owner.defaultPersonaId()).orElseThrow();

            editor.personas().update(owner.id(), persona.id(), draft(persona, "a marine biologist"));
            assertThat(worker.personas().findById(persona.id()).orElseThrow().content()).as("no event arrived")
                    .isEqualTo(persona.content());
            workerEpoch.sync();
            assertThat(worker.personas().findById(persona.id()).orElseThrow().content()).isEqualTo("a marine biologist");

            workerEpoch.sync(); // nothing changed since: the cache is kept
            raw.personas().update(owner.id(), persona.id(), draft(persona, "edited behind every cache"));
            assertThat(worker.personas().findById(persona.id()).orElseThrow().content()).isEqualTo("a marine biologist");
        } finally {
            otherBus.close();
            keys.close();
        }
    }

    @Test
    void aMissingPersonaIsNotCachedSinceTheUserRepositoryCreatesPersonasUnannounced() {
        UUID id = UUID.randomUUID();
        assertThat(here.personas().findById(id)).isEmpty();
        Persona created = raw.personas().create(owner.id(), new PersonaDraft("Second", null, "another me", null, null, false));
        assertThat(here.personas().findById(created.id())).isPresent();
    }

    @Test
    void personalityReadsFollowEveryKindOfPersonalityWrite() {
        Personality ada = there.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "patient")
                .withPublic(true));
        Viewer viewer = new Viewer(owner.id(), false);
        assertThat(here.personalities().lookup("ada", viewer).orElseThrow().characterInfo()).isEqualTo("A librarian.");
        raw.personalities().update(ada.id(), PersonalityDraft.of("Ada", "ada", "behind the cache", "patient").withPublic(true));
        assertThat(here.personalities().lookup("ada", viewer).orElseThrow().characterInfo()).isEqualTo("A librarian.");

        there.personalities().update(ada.id(), PersonalityDraft.of("Ada", "ada", "A mathematician.", "patient").withPublic(true));
        assertThat(here.personalities().lookup("ada", viewer).orElseThrow().characterInfo()).isEqualTo("A mathematician.");
        assertThat(here.personalities().findById(ada.id()).orElseThrow().characterInfo()).isEqualTo("A mathematician.");

        assertThat(here.personalities().lookup("countess", viewer)).isEmpty();
        there.personalities().addAlias(ada.id(), "countess");
        assertThat(here.personalities().lookup("countess", viewer)).map(Personality::id).contains(ada.id());

        ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(7));
        assertThat(here.personalities().configDefaults(ada.id())).isEqualTo(ConfigOverrides.EMPTY);
        there.personalities().setConfigDefaults(ada.id(), tier);
        assertThat(here.personalities().configDefaults(ada.id())).isEqualTo(tier);

        assertThat(here.personalities().hasAvatar(ada.id())).isFalse();
        there.personalities().setAvatar(ada.id(), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(here.personalities().hasAvatar(ada.id())).isTrue();

        there.personalities().delete(ada.id());
        assertThat(here.personalities().findById(ada.id())).isEmpty();
        assertThat(topics()).containsOnly(EventTopic.PERSONALITY).hasSize(6);
    }

    @Test
    void presetsAndTheirDefaultFlagsFollowWrites() {
        Preset first = there.presets().create(owner.id(), PresetDraft.of("first", "vendor/model-a").withGlobal(true));
        Preset second = there.presets().create(owner.id(), PresetDraft.of("second", "vendor/model-b").withGlobal(true));
        there.presets().setSystemDefault(first.id());
        assertThat(here.presets().findSystemDefault()).map(Preset::id).contains(first.id());
        there.presets().setSystemDefault(second.id());
        assertThat(here.presets().findSystemDefault()).map(Preset::id).contains(second.id());
        there.presets().update(first.id(), PresetDraft.of("first", "vendor/model-c").withGlobal(true));
        assertThat(here.presets().findById(first.id()).orElseThrow().model()).isEqualTo("vendor/model-c");
    }

    @Test
    void overridesAndAdminSettingsFollowWritesAndDeletionsTheyDependOn() {
        Personality ada = here.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "patient"));
        assertThat(here.userPersonalityConfigs().find(owner.id(), ada.id())).isEmpty();
        Persona other = there.personas().create(owner.id(), new PersonaDraft("Work", null, "at work", null, null, false));
        there.userPersonalityConfigs().setPersonaOverride(owner.id(), ada.id(), other.id());
        assertThat(here.userPersonalityConfigs().find(owner.id(), ada.id()).orElseThrow().personaId()).isEqualTo(other.id());
        there.personas().delete(owner.id(), other.id());
        assertThat(here.userPersonalityConfigs().find(owner.id(), ada.id()).map(c -> c.personaId()).orElse(null))
                .as("the deleted persona's override, as the database now has it")
                .isEqualTo(raw.userPersonalityConfigs().find(owner.id(), ada.id()).map(c -> c.personaId()).orElse(null));

        ConfigOverrides tier = ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(12));
        assertThat(here.adminSettings().get().configDefaults()).isEqualTo(ConfigOverrides.EMPTY);
        there.adminSettings().setConfigDefaults(tier, owner.id());
        assertThat(here.adminSettings().get().configDefaults()).isEqualTo(tier);
    }

    @Test
    void channelActivationsFollowWrites() {
        Personality ada = here.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "patient"));
        assertThat(here.channels().find("700000000000000001")).isEmpty();
        there.channels().activate("700000000000000001", "800000000000000001", ada.id(), owner.id(), 5);
        assertThat(here.channels().find("700000000000000001").orElseThrow().activated()).containsExactly(ada.id());
        there.channels().deactivate("700000000000000001", ada.id());
        assertThat(here.channels().find("700000000000000001").orElseThrow().activated()).isEmpty();
        assertThat(topics()).endsWith(EventTopic.CHANNEL_ACTIVATION, EventTopic.CHANNEL_ACTIVATION);
    }

    @Test
    void aChannelNeverConfiguredIsAnsweredFromTheKnownSetAndFollowsItsFirstWrite() {
        Personality ada = here.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "A librarian.", "patient"));
        there.channels().activate("700000000000000002", "800000000000000001", ada.id(), owner.id(), 5);
        assertThat(here.channels().channelsWithSettings().orElseThrow()).contains("700000000000000002")
                .doesNotContain("700000000000000003");
        assertThat(here.channels().find("700000000000000003")).isEmpty();
        raw.channels().setAutoRespond("700000000000000003", "800000000000000001", true);
        assertThat(here.channels().find("700000000000000003")).as("the known set is cached too").isEmpty();

        there.channels().activate("700000000000000003", "800000000000000001", ada.id(), owner.id(), 5);
        assertThat(here.channels().find("700000000000000003").orElseThrow().activated()).containsExactly(ada.id());
        assertThat(here.channels().find("700000000000000002").orElseThrow().activated()).containsExactly(ada.id());
    }

    @Test
    void denylistEntriesApplyAtOnceAndExpireOnTimeWithoutAReload() {
        Instant now = Instant.now();
        assertThat(here.denylist().findActive(DenylistType.USER, "100000000000000009", now)).isEmpty();
        there.denylist().add(new DenylistEntry(UUID.randomUUID(), DenylistType.USER, "100000000000000009", DenylistScope.BOT,
                null, DenylistMode.BLOCK, "spam", "900000000000000001", now, now.plus(Duration.ofHours(1))));
        assertThat(here.denylist().findActive(DenylistType.USER, "100000000000000009", now)).hasSize(1);
        assertThat(here.denylist().findActive(DenylistType.USER, "100000000000000009", now.plus(Duration.ofHours(2))))
                .as("expired by then").isEmpty();
        there.denylist().remove(DenylistType.USER, "100000000000000009", DenylistScope.BOT, null);
        assertThat(here.denylist().findActive(DenylistType.USER, "100000000000000009", now)).isEmpty();
    }

    @Test
    void apiKeysFollowSavesAndDeletesButAUseAnnouncesNothing() {
        EncryptedSecret secret = new EncryptedSecret("ab".repeat(16), "cafe", "cd".repeat(16));
        assertThat(here.apiKeys().findSecret(owner.id(), "openrouter")).isEmpty();
        there.apiKeys().save(owner.id(), "openrouter", secret);
        assertThat(here.apiKeys().findSecret(owner.id(), "openrouter")).contains(secret);
        here.apiKeys().markUsed(owner.id(), "openrouter");
        there.apiKeys().delete(owner.id(), "openrouter");
        assertThat(here.apiKeys().findSecret(owner.id(), "openrouter")).isEmpty();
        assertThat(topics()).containsExactly(EventTopic.API_KEY, EventTopic.API_KEY);
    }

    private static PersonaDraft draft(Persona persona, String content) {
        return new PersonaDraft(persona.name(), persona.description(), content, persona.preferredName(), persona.pronouns(),
                persona.shareLtmAcrossPersonalities());
    }
}
