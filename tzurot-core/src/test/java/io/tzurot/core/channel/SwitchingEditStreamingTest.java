package io.tzurot.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.id.DeterministicIds;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SwitchingEditStreamingTest {

    private final Map<String, ChannelSettings> rows = new HashMap<>();
    private int writes;
    private final SwitchingEditStreaming streaming = new SwitchingEditStreaming(channels());
    private final Actor member = new Actor(UUID.randomUUID(), "111", false);
    private final Actor owner = new Actor(UUID.randomUUID(), "222", true);

    @Test
    void offByDefaultAndSwitchedByAModeratorOfTheChannel() {
        ChannelCaller moderator = new ChannelCaller(member, "500", "900", true, false);
        assertThat(streaming.status(moderator)).isFalse();
        assertThat(streaming.streams("500")).isFalse();
        assertThat(streaming.set(moderator, true)).isTrue();
        assertThat(streaming.streams("500")).isTrue();
        assertThat(streaming.set(moderator, true)).as("again: nothing changes").isFalse();
        assertThat(writes).isEqualTo(1);
        assertThat(streaming.set(new ChannelCaller(member, "500", "900", false, true), false)).as("the server owner")
                .isTrue();
        assertThat(streaming.streams("500")).isFalse();
    }

    @Test
    void aMemberWithoutManageMessagesOrADirectMessageIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> streaming.set(new ChannelCaller(member, "500", "900", false, false), true))
                .isInstanceOf(DomainException.class).hasMessageContaining("Manage Messages");
        assertThatThrownBy(() -> streaming.set(new ChannelCaller(owner, "600", null, true, true), true))
                .isInstanceOf(DomainException.class).hasMessageContaining("server channels");
        assertThat(writes).isZero();
    }

    @Test
    void outsideDiscordOnlyTheBotOwnerWithAValidChannelId() {
        assertThatThrownBy(() -> streaming.operatorSet(member, "500", true)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> streaming.operatorSet(owner, "not-a-channel", true))
                .isInstanceOf(DomainException.class).hasMessageContaining("channelId");
        assertThat(streaming.operatorSet(owner, "700", true)).isTrue();
        assertThat(streaming.operatorView(owner, "700")).isTrue();
        assertThat(writes).isEqualTo(1);
    }

    private ChannelSettingsRepository channels() {
        return (ChannelSettingsRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChannelSettingsRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "find" -> Optional.ofNullable(rows.get((String) args[0]));
                    case "setStreamEdits" -> {
                        writes++;
                        String id = (String) args[0];
                        ChannelSettings row = new ChannelSettings(DeterministicIds.channelSettings(id), id,
                                (String) args[1], List.of(), false, null, null, null, null, null, (Boolean) args[2]);
                        rows.put(id, row);
                        yield row;
                    }
                    default -> throw new AssertionError("not used: " + method.getName());
                });
    }
}
