package io.tzurot.discord.trigger;

import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.ChoosingSpeakers;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.user.UserRepository;
import io.tzurot.discord.voice.VoiceTranscriber;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What deciding a trigger reads: personalities, channel activations and who of a scene speaks, users, delivered replies, the clock and
 * (when auto-transcription is on) the voice transcriber. The bot builds it from its own services.
 */
public record TriggerServices(PersonalityRepository personalities, ChannelSettingsRepository channels,
                              UserRepository users, DeliveredMessageRepository delivered, Clock clock,
                              Optional<VoiceTranscriber> voice, ChoosingSpeakers speakers) {

    public TriggerServices {
        Objects.requireNonNull(personalities, "personalities");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(clock, "clock");
        voice = Objects.requireNonNullElse(voice, Optional.empty());
        Objects.requireNonNull(speakers, "speakers");
    }
}
