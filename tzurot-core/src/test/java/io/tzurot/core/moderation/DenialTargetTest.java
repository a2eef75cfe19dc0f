package io.tzurot.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DenialTargetTest {

    private static final DiscordPlaces PLACES = new DiscordPlaces() {
        @Override
        public boolean isGuild(String id) {
            return id.equals("100");
        }

        @Override
        public Optional<String> guildOfChannel(String id) {
            return id.equals("200") ? Optional.of("100") : Optional.empty();
        }
    };

    @Test
    void mentionsAndKnownIdsNameUsersServersAndChannels() {
        assertThat(DenialTarget.parse("<@300>", PLACES)).isEqualTo(new DenialTarget(DenylistType.USER, "300", Optional.empty()));
        assertThat(DenialTarget.parse(" <@!300> ", PLACES).id()).isEqualTo("300");
        assertThat(DenialTarget.parse("<#200>", PLACES)).isEqualTo(new DenialTarget(DenylistType.CHANNEL, "200", Optional.of("100")));
        assertThat(DenialTarget.parse("200", PLACES).type()).isEqualTo(DenylistType.CHANNEL);
        assertThat(DenialTarget.parse("100", PLACES).type()).isEqualTo(DenylistType.GUILD);
        assertThat(DenialTarget.parse("300", PLACES).type()).isEqualTo(DenylistType.USER);
        assertThat(DenialTarget.of("channel", "200")).isEqualTo(new DenialTarget(DenylistType.CHANNEL, "200", Optional.empty()));
    }

    @Test
    void anythingElseIsRefusedWithWhatIsExpected() {
        for (String bad : new String[] {"", "@alice", "<@abc>", "123456789012345678901", "<#>", "12 34"}) {
            assertThatThrownBy(() -> DenialTarget.parse(bad, PLACES)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("Give a user, server or channel");
        }
        assertThatThrownBy(() -> DenialTarget.of("role", "1")).hasMessageContaining("use user, guild or channel");
    }

    @Test
    void durationsRunFromAnHourToPermanent() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(DenialDuration.parse("1h").expiry(t0)).contains(t0.plus(Duration.ofHours(1)));
        assertThat(DenialDuration.parse("30D").expiry(t0)).contains(t0.plus(Duration.ofDays(30)));
        assertThat(DenialDuration.parse(null).expiry(t0)).isEmpty();
        assertThat(DenialDuration.parse("permanent")).isEqualTo(DenialDuration.PERMANENT);
        assertThatThrownBy(() -> DenialDuration.parse("2h")).isInstanceOf(DomainException.class)
                .hasMessageContaining("1h, 1d, 7d, 30d, permanent");
    }

    @Test
    void aChannelDenialNamesTheChannelAndItsGuildScope() {
        DenylistEntry channel = DenylistEntry.create(DenylistType.CHANNEL, "200", DenylistScope.GUILD, "100",
                DenylistMode.MUTE, null, "1", Instant.EPOCH, null);
        assertThat(DenylistPolicy.evaluate(java.util.List.of(channel), Instant.EPOCH, "9", "100", "200", null))
                .contains(DenylistMode.MUTE);
        assertThat(DenylistPolicy.evaluate(java.util.List.of(channel), Instant.EPOCH, "9", "100", "201", null)).isEmpty();
    }
}
