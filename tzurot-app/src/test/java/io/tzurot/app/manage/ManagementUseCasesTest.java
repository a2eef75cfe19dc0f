package io.tzurot.app.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.access.Actor;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.KeyCheck;
import io.tzurot.core.apikey.ProviderKeyValidator;
import io.tzurot.core.channel.ActivatingChannel;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaInput;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.core.preset.BuiltInPreset;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The management rules every face shares, run on the real H2 repositories: who may see, edit and choose
 * characters, personas and presets, who may activate a channel, and the domain error of each refusal.
 */
class ManagementUseCasesTest {

    /** Accepts "good-key", cannot reach the provider for "down-key", refuses anything else. */
    private static final ProviderKeyValidator PROVIDER = new ProviderKeyValidator() {
        @Override
        public Set<String> providers() {
            return Set.of("openrouter");
        }

        @Override
        public KeyCheck check(String provider, String apiKey) {
            return switch (apiKey) {
                case "good-key" -> new KeyCheck.Accepted();
                case "down-key" -> new KeyCheck.Unavailable("The provider did not answer.");
                default -> new KeyCheck.Rejected("The provider refused this key.");
            };
        }
    };

    private Database database;
    private Repositories repos;
    private ManagementUseCases uc;
    private Actor alice;
    private Actor bob;
    private Actor botOwner;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.inMemory("uc" + UUID.randomUUID().toString().replace("-", "")));
        repos = Repositories.of(database, Clock.systemUTC());
        uc = useCases(Optional.of(ApiKeyCipher.fromHex("0123456789abcdef".repeat(4))));
        alice = actor("100000000000000001", false);
        bob = actor("100000000000000002", false);
        botOwner = actor("100000000000000009", true);
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private ManagementUseCases useCases(Optional<ApiKeyCipher> cipher) {
        return ManagementUseCases.of(new ManagementUseCases.Ports(repos.personalities(), Optional.of(repos.systemPrompts()),
                repos.personas(), repos.presets(), repos.users(), repos.userPersonalityConfigs(), repos.adminSettings(),
                repos.apiKeys(), repos.channels(), BuiltInPreset.DEFAULT, repos.scene()), cipher, PROVIDER);
    }

    private Actor actor(String discordId, boolean owner) {
        User u = repos.users().getOrCreate(new DiscordUserProfile(discordId, "u" + discordId, null, null, false), owner);
        return new Actor(u.id(), u.discordId(), u.superuser());
    }

    private Personality character(Actor owner, String slug, boolean isPublic) {
        return uc.creatingPersonality().create(owner, PersonalityInput.blank().with("name", slug + " name")
                .with("characterInfo", "Info.").with("personalityTraits", "Kind").withSlug(slug).withPublic(isPublic));
    }

    private static DomainError refusal(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(DomainException.class);
        return ((DomainException) thrown).error();
    }

    private static ChannelCaller in(Actor actor, boolean manageMessages, boolean guildOwner) {
        return new ChannelCaller(actor, "700000000000000001", "800000000000000001", manageMessages, guildOwner);
    }

    @Test
    void channelActivationNeedsManageMessagesTheServerOwnerOrTheBotOwner() {
        character(alice, "helper", true);
        ActivatingChannel channels = uc.channels();

        assertThat(refusal(() -> channels.activate(in(bob, false, false), "helper")))
                .isInstanceOf(DomainError.Forbidden.class);
        assertThat(channels.active("700000000000000001")).isEmpty();

        ActivatingChannel.Activation first = channels.activate(in(bob, true, false), "helper");
        assertThat(first.personality().slug()).isEqualTo("helper");
        assertThat(first.alreadyActive()).isFalse();
        assertThat(channels.active("700000000000000001")).map(Personality::slug).containsExactly("helper");

        character(bob, "other", true);
        assertThat(channels.activate(in(bob, false, true), "other").alreadyActive()).isFalse();
        assertThat(channels.activate(in(bob, false, true), "other").alreadyActive()).isTrue();
        assertThat(channels.active("700000000000000001")).map(Personality::slug).containsExactly("helper", "other");
        assertThat(channels.deactivate(in(botOwner, false, false), Optional.of("other"))).map(Personality::slug)
                .containsExactly("other");
        assertThat(channels.deactivate(in(botOwner, false, false), Optional.empty())).map(Personality::slug)
                .containsExactly("helper");
        assertThat(channels.deactivate(in(botOwner, false, false), Optional.empty())).as("idempotent").isEmpty();
        assertThat(refusal(() -> channels.deactivate(in(alice, false, false), Optional.empty())))
                .isInstanceOf(DomainError.Forbidden.class);
    }

    @Test
    void channelActivationRefusesDmsForMembersAndCharactersTheCallerCannotSee() {
        character(alice, "secret", false);
        ChannelCaller dm = new ChannelCaller(alice, "900000000000000001", null, true, true);
        assertThat(refusal(() -> uc.channels().activate(dm, "secret")).message()).contains("server");
        assertThat(refusal(() -> uc.channels().activate(in(bob, true, false), "secret")))
                .isInstanceOf(DomainError.NotFound.class);
        assertThat(uc.channels().activate(in(alice, true, false), "secret").personality().slug()).isEqualTo("secret");
    }

    @Test
    void charactersArePrivateToTheirOwnerAndEditableOnlyByOwnersAndTheBotOwner() {
        character(alice, "private-one", false);
        character(alice, "public-one", true);
        assertThat(refusal(() -> uc.viewingPersonalities().visible(bob, "private-one"))).isInstanceOf(DomainError.NotFound.class);
        assertThat(refusal(() -> uc.editingPersonality().setPublic(bob, "public-one", false)))
                .isInstanceOf(DomainError.Forbidden.class);
        assertThat(uc.editingPersonality().setPublic(botOwner, "private-one", true).isPublic()).isTrue();
        assertThat(refusal(() -> uc.editingPersonality().edit(alice, "public-one", in -> in.withSlug("renamed-one"))))
                .isInstanceOf(DomainError.Forbidden.class);
        assertThat(uc.editingPersonality().edit(botOwner, "public-one", in -> in.withSlug("renamed-one")).slug())
                .isEqualTo("renamed-one");
        DomainError taken = refusal(() -> character(bob, "private-one", true));
        assertThat(taken).isInstanceOf(DomainError.Conflict.class);
        assertThat(taken.field()).isEqualTo("slug");
        assertThat(uc.deletingPersonality().delete(alice, "private-one").slug()).isEqualTo("private-one");
    }

    @Test
    void onlyTheBotOwnerMakesAPresetGlobal() {
        PresetInput global = PresetInput.blank().withName("Shared").withModel("anthropic/claude-haiku-4.5").withGlobal(true);
        assertThat(refusal(() -> uc.editingPresets().create(alice, global))).isInstanceOf(DomainError.Forbidden.class);
        Preset shared = uc.editingPresets().create(botOwner, global);
        Preset mine = uc.editingPresets().create(alice, global.withName("Mine").withGlobal(false));
        assertThat(refusal(() -> uc.editingPresets().edit(alice, mine.id(), in -> in.withGlobal(true))))
                .isInstanceOf(DomainError.Forbidden.class);
        assertThat(refusal(() -> uc.viewingPresets().visible(bob, mine.id()))).isInstanceOf(DomainError.NotFound.class);
        assertThat(refusal(() -> uc.editingPresets().edit(bob, shared.id(), in -> in.withName("Taken over"))))
                .isInstanceOf(DomainError.Forbidden.class);
        assertThat(refusal(() -> uc.choosingPreset().setSystemDefault(alice, shared.id())))
                .isInstanceOf(DomainError.Forbidden.class);
        DomainError privateOne = refusal(() -> uc.choosingPreset().setSystemDefault(botOwner, mine.id()));
        assertThat(privateOne).isInstanceOf(DomainError.InvalidField.class);
        assertThat(privateOne.message()).contains("only a global preset");
        uc.choosingPreset().setSystemDefault(botOwner, shared.id());
        assertThat(repos.presets().findSystemDefault()).map(Preset::id).contains(shared.id());
        DomainError nameTaken = refusal(() -> uc.editingPresets().create(bob, global.withName("Mine").withGlobal(false)));
        assertThat(nameTaken).isInstanceOf(DomainError.Conflict.class);
        assertThat(nameTaken.field()).isEqualTo("name");
    }

    @Test
    void aPresetChosenForOneCharacterIsTheOneResolvedForIt() {
        Personality p = character(alice, "tuned", true);
        Preset mine = uc.editingPresets().create(bob, PresetInput.blank().withName("Bob's").withModel("qwen2.5:7b"));
        uc.choosingPreset().setOverride(bob, "tuned", mine.id());
        assertThat(uc.resolvePreset().resolve(bob.userId(), p.id()).model()).isEqualTo("qwen2.5:7b");
        uc.choosingPreset().clearOverride(bob, "tuned");
        assertThat(uc.resolvePreset().resolve(bob.userId(), p.id()).model()).isNotEqualTo("qwen2.5:7b");
    }

    @Test
    void personasArePrivateAndTheDefaultOneStays() {
        Persona second = uc.editingPersonas().create(alice, PersonaInput.blank().withName("Work").withContent("At work."));
        assertThat(refusal(() -> uc.viewingPersonas().owned(bob, second.id()))).isInstanceOf(DomainError.NotFound.class);
        assertThat(refusal(() -> uc.choosingPersona().makeDefault(bob, second.id()))).isInstanceOf(DomainError.NotFound.class);
        UUID defaultId = uc.viewingPersonas().defaultId(alice).orElseThrow();
        DomainError stays = refusal(() -> uc.editingPersonas().delete(alice, defaultId));
        assertThat(stays).isInstanceOf(DomainError.Conflict.class);
        character(bob, "someone", true);
        assertThat(uc.choosingPersona().setOverride(alice, "someone", second.id()).personaId()).isEqualTo(second.id());
        assertThat(uc.viewingPersonas().overrides(alice)).extracting(o -> o.personalitySlug()).containsExactly("someone");
    }

    @Test
    void theUsersSettingsTier() {
        DomainError zone = refusal(() -> uc.settings().setTimezone(alice, "Mars/Olympus"));
        assertThat(zone).isInstanceOf(DomainError.InvalidField.class);
        assertThat(zone.field()).isEqualTo("timezone");
        assertThat(uc.settings().setTimezone(alice, "Europe/Paris")).isEqualTo("Europe/Paris");
        assertThat(uc.settings().timezone(alice)).isEqualTo("Europe/Paris");
        var patch = io.tzurot.core.cascade.EditingSettings.parseTier(java.util.Map.of("maxMessages", 12));
        uc.settings().patchUserDefaults(alice, patch);
        assertThat(uc.resolveSettings().resolve(alice.userId(), null).maxMessages()).isEqualTo(12);
        DomainError bad = refusal(() -> io.tzurot.core.cascade.EditingSettings.parseTier(java.util.Map.of("maxMessages", -1)));
        assertThat(bad.field()).isEqualTo("maxMessages");
        assertThat(refusal(() -> uc.settings().patchAdminTier(alice, patch))).isInstanceOf(DomainError.Forbidden.class);
    }

    @Test
    void providerKeysAreCheckedStoredAndNeverShown() {
        DomainError refused = refusal(() -> uc.apiKeys().set(alice, "openrouter", "wrong-key"));
        assertThat(refused.field()).isEqualTo("apiKey");
        assertThat(refused.message()).doesNotContain("wrong-key");
        assertThat(refusal(() -> uc.apiKeys().set(alice, "openrouter", "down-key")))
                .isEqualTo(new DomainError.Unavailable(DomainError.Reason.PROVIDER_UNREACHABLE,
                        "The provider did not answer. The key was not stored; try again later."));
        assertThat(uc.apiKeys().list(alice)).isEmpty();
        assertThat(refusal(() -> uc.apiKeys().set(alice, "elsewhere", "good-key")).field()).isEqualTo("provider");

        uc.apiKeys().set(alice, "OpenRouter", "good-key");
        assertThat(uc.apiKeys().list(alice)).singleElement().satisfies(k -> assertThat(k.toString()).doesNotContain("good-key"));
        assertThat(uc.apiKeys().test(alice, "openrouter")).isInstanceOf(KeyCheck.Accepted.class);
        assertThat(refusal(() -> uc.apiKeys().test(bob, "openrouter"))).isInstanceOf(DomainError.NotFound.class);
        uc.apiKeys().remove(alice, "openrouter");
        assertThat(refusal(() -> uc.apiKeys().remove(alice, "openrouter"))).isInstanceOf(DomainError.NotFound.class);

        DomainError off = refusal(() -> useCases(Optional.empty()).apiKeys().set(alice, "openrouter", "good-key"));
        assertThat(off).isInstanceOf(DomainError.Unavailable.class);
        assertThat(((DomainError.Unavailable) off).reason()).isEqualTo(DomainError.Reason.NOT_CONFIGURED);
    }
}
