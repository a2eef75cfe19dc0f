package io.tzurot.discord.bot;

import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.ChoosingSpeakers;
import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.channel.SceneSettingsRepository;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.user.UserRepository;
import io.tzurot.discord.trigger.TriggerServices;
import io.tzurot.discord.voice.VoiceTranscriber;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * What the bot needs from the rest of the platform: the repositories it reads, the reply engine, (when
 * {@code AUTO_TRANSCRIBE_VOICE} is on) the voice transcriber, (where the bot shares the database) the
 * conversation history that Discord edits and deletes are copied into, (when it serves slash commands) what
 * they need, the message claims and rate limits shared with other gateways, how a scene's speakers are chosen, and
 * where characters may speak.
 */
public record DiscordServices(PersonalityRepository personalities, ChannelSettingsRepository channels,
                             DenylistRepository denylist, UserRepository users, DeliveredMessageRepository delivered,
                             ReplyService replies, Clock clock, Optional<VoiceTranscriber> voice,
                             Optional<ConversationHistoryRepository> history, Optional<CommandServices> commands,
                             Optional<MessageGuards> guards, ChoosingSpeakers speakers,
                             Optional<SpeakingServices> speaking) {

    /**
     * Without message claims or rate limits (a single gateway process trusted with its users), and without the scene
     * settings of the database (built-in limits, every character equally talkative), and without choosing where
     * characters speak (they speak everywhere).
     */
    public DiscordServices(PersonalityRepository personalities, ChannelSettingsRepository channels,
                           DenylistRepository denylist, UserRepository users, DeliveredMessageRepository delivered,
                           ReplyService replies, Clock clock, Optional<VoiceTranscriber> voice,
                           Optional<ConversationHistoryRepository> history, Optional<CommandServices> commands) {
        this(personalities, channels, denylist, users, delivered, replies, clock, voice, history, commands,
                Optional.empty(), new ChoosingSpeakers(SceneSettingsRepository.fixed(SceneLimits.DEFAULTS),
                        new SplittableRandom()), Optional.empty());
    }

    /** Without auto-transcription (voice messages still reach the engine as attachments), history sync or commands. */
    public DiscordServices(PersonalityRepository personalities, ChannelSettingsRepository channels,
                           DenylistRepository denylist, UserRepository users, DeliveredMessageRepository delivered,
                           ReplyService replies, Clock clock) {
        this(personalities, channels, denylist, users, delivered, replies, clock, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public DiscordServices {
        Objects.requireNonNull(personalities, "personalities");
        Objects.requireNonNull(channels, "channels");
        Objects.requireNonNull(denylist, "denylist");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(delivered, "delivered");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(clock, "clock");
        voice = Objects.requireNonNullElse(voice, Optional.empty());
        history = Objects.requireNonNullElse(history, Optional.empty());
        commands = Objects.requireNonNullElse(commands, Optional.empty());
        guards = Objects.requireNonNullElse(guards, Optional.empty());
        Objects.requireNonNull(speakers, "speakers");
        speaking = Objects.requireNonNullElse(speaking, Optional.empty());
    }

    /** What deciding triggers reads, from these services. */
    public TriggerServices triggerServices() {
        return new TriggerServices(personalities, channels, users, delivered, clock, voice, speakers);
    }

    /** The same services with auto-transcription through {@code transcriber}. */
    public DiscordServices withVoice(VoiceTranscriber transcriber) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, replies, clock,
                Optional.of(transcriber), history, commands, guards, speakers, speaking);
    }

    /** The same services copying Discord edits and deletes into {@code conversations}. */
    public DiscordServices withHistory(ConversationHistoryRepository conversations) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, replies, clock, voice,
                Optional.of(conversations), commands, guards, speakers, speaking);
    }

    /** The same services with the slash commands registered and served. */
    public DiscordServices withCommands(CommandServices commandServices) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, replies, clock, voice,
                history, Optional.of(commandServices), guards, speakers, speaking);
    }

    /** The same services claiming each message and limiting each user through {@code messageGuards}. */
    public DiscordServices withGuards(MessageGuards messageGuards) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, replies, clock, voice,
                history, commands, Optional.of(messageGuards), speakers, speaking);
    }

    /** The same services choosing scene speakers with {@code choosing} (its settings and random source). */
    public DiscordServices withSpeakers(ChoosingSpeakers choosing) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, replies, clock, voice,
                history, commands, guards, choosing, speaking);
    }

    /** The same services with where characters speak chosen per server, and ghost channels recorded. */
    public DiscordServices withSpeaking(SpeakingServices speakingServices) {
        return new DiscordServices(personalities, channels, denylist, users, delivered, replies, clock, voice,
                history, commands, guards, speakers, Optional.of(speakingServices));
    }
}
