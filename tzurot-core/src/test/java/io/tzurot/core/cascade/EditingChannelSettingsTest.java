package io.tzurot.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.SettingSource;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may see and change a channel's settings tier, and what it may hold. */
class EditingChannelSettingsTest {

    private static final String CHANNEL = "500";
    private static final String GUILD = "900";

    private final Channels channels = new Channels();
    private final EditingChannelSettings editing = new EditingChannelSettings(channels, new ResolveSettings(
            port(AdminSettingsRepository.class, () -> new AdminSettings(AdminSettings.SINGLETON_ID, null,
                    ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES, TierValue.of(30)), null, null)),
            port(PersonalityRepository.class, () -> ConfigOverrides.EMPTY), channels,
            port(UserRepository.class, () -> ConfigOverrides.EMPTY),
            port(UserPersonalityConfigRepository.class, Optional::empty)));

    private static Actor actor(String discordId, boolean owner) {
        return new Actor(DeterministicIds.user(discordId), discordId, owner);
    }

    private static ChannelCaller caller(boolean manageMessages, boolean guildOwner, boolean botOwner) {
        return new ChannelCaller(actor("1", botOwner), CHANNEL, GUILD, manageMessages, guildOwner);
    }

    private static Map<SettingKey, TierValue<?>> changes(Object... pairs) {
        Map<SettingKey, TierValue<?>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((SettingKey) pairs[i], (TierValue<?>) pairs[i + 1]);
        }
        return out;
    }

    @Test
    void managersServerOwnersAndTheBotOwnerMayEditTheTier() {
        for (ChannelCaller allowed : List.of(caller(true, false, false), caller(false, true, false),
                caller(false, false, true))) {
            EditingChannelSettings.ChannelTier tier = editing.edit(allowed, changes(SettingKey.MAX_MESSAGES,
                    TierValue.of(7)));
            assertThat(tier.overrides().get(SettingKey.MAX_MESSAGES)).isEqualTo(TierValue.of(7));
            assertThat(tier.effective().maxMessages()).isEqualTo(7);
            assertThat(tier.effective().sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.CHANNEL);
            editing.clear(allowed);
        }
        assertThat(channels.rows.get(CHANNEL).guildId()).isEqualTo(GUILD);
    }

    @Test
    void aMemberWithoutManageMessagesAndADirectMessageAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> editing.edit(caller(false, false, false), changes(SettingKey.MAX_MESSAGES,
                TierValue.of(7)))).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isInstanceOf(DomainError.Forbidden.class);
                    assertThat(e.getMessage()).startsWith("Only members with the Manage Messages permission");
                });
        assertThatThrownBy(() -> editing.view(caller(false, false, false))).isInstanceOf(DomainException.class);
        ChannelCaller dm = new ChannelCaller(actor("1", true), CHANNEL, null, true, true);
        assertThatThrownBy(() -> editing.edit(dm, changes(SettingKey.MAX_MESSAGES, TierValue.of(7))))
                .hasMessageContaining("only for server channels");
        assertThat(channels.rows).isEmpty();
    }

    @Test
    void inheritRemovesASettingAndAClearIsKept() {
        ChannelCaller mod = caller(true, false, false);
        editing.edit(mod, changes(SettingKey.MAX_MESSAGES, TierValue.of(7), SettingKey.MAX_AGE, TierValue.cleared(),
                SettingKey.SHOW_MODEL_FOOTER, TierValue.of(false)));

        EditingChannelSettings.ChannelTier after = editing.edit(mod, changes(SettingKey.MAX_MESSAGES,
                TierValue.inherit()));

        assertThat(after.overrides().values()).containsOnlyKeys(SettingKey.MAX_AGE, SettingKey.SHOW_MODEL_FOOTER);
        assertThat(after.overrides().get(SettingKey.MAX_AGE)).isEqualTo(TierValue.cleared());
        assertThat(after.effective().maxMessages()).isEqualTo(30);
        assertThat(after.effective().sourceOf(SettingKey.MAX_MESSAGES)).isEqualTo(SettingSource.ADMIN);
        assertThat(after.effective().showModelFooter()).isFalse();
    }

    @Test
    void personalSettingsCannotBeSetForAChannel() {
        assertThatThrownBy(() -> editing.edit(caller(true, false, false), changes(SettingKey.MEMORY_LIMIT,
                TierValue.of(0)))).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
                    assertThat(e.error().field()).isEqualTo("memoryLimit");
                });
        assertThatThrownBy(() -> editing.operatorPatch(actor("2", true), CHANNEL,
                ConfigOverrides.EMPTY.with(SettingKey.FOCUS_MODE_ENABLED, TierValue.of(true))))
                .hasMessageContaining("personal setting");
        assertThat(channels.rows).isEmpty();
    }

    @Test
    void outsideDiscordOnlyTheBotOwnerMayAndTheChannelIdIsChecked() {
        ConfigOverrides patch = ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(3));
        assertThatThrownBy(() -> editing.operatorPatch(actor("3", false), CHANNEL, patch))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error()).isInstanceOf(DomainError.Forbidden.class));
        assertThatThrownBy(() -> editing.operatorView(actor("2", true), "general"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.error().field()).isEqualTo("channelId"));

        Actor owner = actor("2", true);
        assertThat(editing.operatorPatch(owner, CHANNEL, patch).effective().maxImages()).isEqualTo(3);
        assertThat(editing.operatorPatch(owner, CHANNEL, ConfigOverrides.EMPTY.with(SettingKey.MAX_MESSAGES,
                TierValue.of(9))).overrides().values()).containsOnlyKeys(SettingKey.MAX_IMAGES, SettingKey.MAX_MESSAGES);
        assertThat(editing.operatorClear(owner, CHANNEL).overrides().isEmpty()).isTrue();
        assertThat(editing.operatorClear(owner, "501").overrides().isEmpty()).as("no row is made to clear").isTrue();
        assertThat(channels.rows).containsOnlyKeys(CHANNEL);
    }

    /** A port whose every abstract method answers {@code answer}. */
    @SuppressWarnings("unchecked")
    private static <T> T port(Class<T> type, java.util.function.Supplier<Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args) : answer.get());
    }

    /** Channel rows in a map. */
    private static final class Channels implements ChannelSettingsRepository {
        final Map<String, ChannelSettings> rows = new HashMap<>();

        @Override
        public Optional<ChannelSettings> find(String channelId) {
            return Optional.ofNullable(rows.get(channelId));
        }

        @Override
        public ChannelSettings setConfigOverrides(String channelId, String guildId, ConfigOverrides overrides,
                                                  UUID changedBy) {
            ChannelSettings old = rows.get(channelId);
            ChannelSettings row = new ChannelSettings(DeterministicIds.channelSettings(channelId), channelId,
                    guildId != null ? guildId : old == null ? null : old.guildId(), List.of(), true, changedBy, null,
                    overrides, null, null);
            rows.put(channelId, row);
            return row;
        }

        @Override
        public Activation activate(String channelId, String guildId, UUID personalityId, UUID activatedBy,
                                   int limit) {
            throw new AssertionError("not used");
        }

        @Override
        public boolean deactivate(String channelId, UUID personalityId) {
            throw new AssertionError("not used");
        }

        @Override
        public int deactivateAll(String channelId) {
            throw new AssertionError("not used");
        }

        @Override
        public ChannelSettings setSpeakerStrategy(String channelId, String guildId,
                                                  io.tzurot.core.channel.SpeakerStrategy strategy) {
            throw new AssertionError("not used");
        }

        @Override
        public ChannelSettings setAutoRespond(String channelId, String guildId, boolean autoRespond) {
            throw new AssertionError("not used");
        }

        @Override
        public ChannelSettings setStreamEdits(String channelId, String guildId, boolean streamEdits) {
            throw new AssertionError("not used");
        }

        @Override
        public List<ChannelSettings> listActivatedInGuild(String guildId) {
            throw new AssertionError("not used");
        }
    }
}
