package io.tzurot.discord.trigger;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.discord.DeliveredMessage;
import io.tzurot.core.discord.MentionParser;
import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.reply.AttachmentInput;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak;
import io.tzurot.core.speaking.ChoosingWhereCharactersSpeak.Verdict;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.core.user.User;
import io.tzurot.discord.context.Attachments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageReference;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.attribute.IAgeRestrictedChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trigger chain, in the reference's order: denylist, where characters may speak (a channel the server left out
 * is ignored; in a ghost channel the decision is recorded, never answered), empty messages, voice messages (transcribed first when
 * auto-transcription is on; the transcript is posted and becomes the text), then who answers. A reply to a
 * character's message and explicit {@code @Name} mentions come first (reply target, then mentions left
 * to right, at most {@value #MAX_CHARACTERS_PER_MESSAGE}); only when nobody is addressed does the channel's
 * scene answer (who of its characters, by its speaker strategy), so an explicit {@code @OtherCharacter} in an activated channel is answered by
 * the one mentioned (a deliberate change from the reference, where activation won). Then the DM's sticky
 * character, then a bare mention of the bot gets help. Every character path passes the NSFW gate.
 */
public final class TriggerResolver {

    /** The most characters one message can make answer. */
    public static final int MAX_CHARACTERS_PER_MESSAGE = 3;

    private static final Duration NOTICE_COOLDOWN = Duration.ofHours(1);
    private static final int MAX_REMEMBERED_DMS = 10_000;
    private static final Duration TRANSCRIPTION_TIMEOUT = Duration.ofMinutes(2);
    /** A post of ours this young may not be recorded yet (the record follows Discord's answer to the post). */
    private static final Duration FRESH_POST = Duration.ofSeconds(60);
    /** How long a reply to such a post waits for its record. */
    private static final Duration RECORD_WAIT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(TriggerResolver.class);

    private final TriggerServices services;
    private final DenylistGate denylist;
    private final Optional<ChoosingWhereCharactersSpeak> speaking;
    private final GetOrCreateUser getOrCreateUser;
    private final MentionParser mentions;
    private final Map<String, Instant> privateActivationNotices = new ConcurrentHashMap<>();
    /** The character last addressed in each DM since start-up; ahead of the durable record, which lags delivery. */
    private final Map<String, UUID> dmSessions = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
            return size() > MAX_REMEMBERED_DMS;
        }
    });

    public TriggerResolver(TriggerServices services, DenylistGate denylist, GetOrCreateUser getOrCreateUser,
                           MentionParser mentions) {
        this(services, denylist, Optional.empty(), getOrCreateUser, mentions);
    }

    /** With where characters may speak (and ghost channels) decided by {@code speaking}. */
    public TriggerResolver(TriggerServices services, DenylistGate denylist,
                           Optional<ChoosingWhereCharactersSpeak> speaking, GetOrCreateUser getOrCreateUser,
                           MentionParser mentions) {
        this.speaking = Objects.requireNonNull(speaking, "speaking");
        this.services = Objects.requireNonNull(services, "services");
        this.denylist = Objects.requireNonNull(denylist, "denylist");
        this.getOrCreateUser = Objects.requireNonNull(getOrCreateUser, "getOrCreateUser");
        this.mentions = Objects.requireNonNull(mentions, "mentions");
    }

    /** Decides what {@code message} (from a human, not a bot or webhook) asks for. Blocking: call off the event thread. */
    public Trigger resolve(Message message) {
        String userId = message.getAuthor().getId();
        String guildId = message.isFromGuild() ? message.getGuild().getId() : null;
        String channelId = message.getChannel().getId();
        String parentId = parentChannelId(message.getChannel()).orElse(null);
        List<DenylistEntry> entries = denylist.entriesFor(userId, guildId, channelId, parentId);
        if (denylist.silences(entries, userId, guildId, channelId, parentId)) {
            return new Trigger.Ignore("denylisted");
        }
        Verdict verdict = speaking.map(s -> s.where(guildId, channelId, parentId)).orElse(Verdict.SPEAK);
        if (verdict == Verdict.SILENT) {
            // slash commands are interactions, not messages: they still work here, so this can be changed in place
            return new Trigger.Ignore("characters do not speak in this channel");
        }
        if (message.getContentRaw().isBlank() && message.getAttachments().isEmpty()
                && message.getMessageSnapshots().isEmpty() && message.getStickers().isEmpty()) {
            return new Trigger.Ignore("empty");
        }
        User user = getOrCreateUser.execute(profile(message)).orElseThrow();
        if (verdict == Verdict.GHOST) {
            // nothing is posted here, not even a transcript or a notice; what characters were told is kept
            Trigger decided = decide(message, user, entries);
            return decided instanceof Trigger.Invoke invoke ? new Trigger.Ghost(invoke)
                    : new Trigger.Ignore("ghost channel");
        }
        Optional<AttachmentInput> voice = services.voice().flatMap(v -> Attachments.firstAudio(message));
        if (voice.isEmpty()) {
            return decide(message, user, entries);
        }
        Optional<String> transcript = transcribe(message, voice.get());
        if (transcript.isEmpty()) {
            return new Trigger.BotAnswer(BotTexts.TRANSCRIPTION_FAILED, 0);
        }
        // the transcript is what the characters hear; who answers is decided as for any message
        Trigger decided = decide(message, user, entries);
        if (decided instanceof Trigger.Invoke invoke) {
            decided = new Trigger.Invoke(invoke.user(), invoke.personalities(), transcript.get(), invoke.autoResponse(),
                    invoke.notice());
        }
        return new Trigger.Transcribed(services.voice().orElseThrow().forPosting(transcript.get()), decided);
    }

    private Optional<String> transcribe(Message message, AttachmentInput voice) {
        message.getChannel().sendTyping().queue(ok -> { }, error -> { });
        try {
            String text = services.voice().orElseThrow().transcribe(voice, message.getAuthor().getId())
                    .get(TRANSCRIPTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("voice message {} could not be transcribed: {}", message.getId(), e.toString());
            return Optional.empty();
        }
    }

    private Trigger decide(Message message, User user, List<DenylistEntry> entries) {
        String userId = user.discordId();
        String guildId = message.isFromGuild() ? message.getGuild().getId() : null;
        String channelId = message.getChannel().getId();
        Viewer viewer = Viewer.of(user);
        Trigger trigger = chooseCharacters(message, user, viewer);
        if (trigger instanceof Trigger.Invoke invoke) {
            List<Personality> allowed = invoke.personalities().stream()
                    .filter(p -> !denylist.deniesCharacter(entries, userId, guildId, channelId, p.id())).toList();
            if (allowed.isEmpty()) {
                return new Trigger.Ignore("denied for every addressed character");
            }
            Trigger gated = nsfwGate(message, user, new Trigger.Invoke(user, allowed, invoke.content(),
                    invoke.autoResponse(), ""));
            if (gated instanceof Trigger.Invoke answered && message.isFromType(ChannelType.PRIVATE)) {
                dmSessions.put(channelId, answered.personalities().get(answered.personalities().size() - 1).id());
            }
            return gated;
        }
        return trigger;
    }

    private Trigger chooseCharacters(Message message, User user, Viewer viewer) {
        String content = message.getContentRaw();
        Map<UUID, Personality> addressed = new LinkedHashMap<>();
        replyTarget(message, viewer).ifPresent(p -> addressed.put(p.id(), p));
        List<String> mentionedNames = new ArrayList<>();
        for (MentionParser.Match<Personality> match : mentions.resolve(content,
                q -> services.personalities().lookup(q, viewer))) {
            mentionedNames.add(match.candidate().text());
            addressed.putIfAbsent(match.value().id(), match.value());
        }
        if (!addressed.isEmpty()) {
            List<Personality> chosen = addressed.values().stream().limit(MAX_CHARACTERS_PER_MESSAGE).toList();
            return new Trigger.Invoke(user, chosen, mentions.strip(content, mentionedNames), false, "");
        }
        if (message.isFromGuild()) {
            Optional<Trigger> activated = activated(message, user, viewer);
            if (activated.isPresent()) {
                return activated.get();
            }
        } else if (message.isFromType(ChannelType.PRIVATE)) {
            if (!user.nsfwVerified()) {
                return new Trigger.BotAnswer(BotTexts.VERIFICATION_REQUIRED, 0);
            }
            String channelId = message.getChannel().getId();
            return Optional.ofNullable(dmSessions.get(channelId))
                    .or(() -> services.delivered().latestInChannel(channelId).map(DeliveredMessage::personalityId))
                    .filter(id -> services.personalities().canView(id, viewer))
                    .flatMap(services.personalities()::findById)
                    .<Trigger>map(p -> new Trigger.Invoke(user, List.of(p), content, true, ""))
                    .orElseGet(() -> new Trigger.BotAnswer(BotTexts.NO_ACTIVE_CONVERSATION, 30));
        }
        if (mentionsBot(message)) {
            if (message.isFromGuild() && isNsfwChannel(message) && !user.nsfwVerified()) {
                services.users().setNsfwVerified(user.id(), true);
            }
            return new Trigger.BotAnswer(BotTexts.HELP, 0);
        }
        return new Trigger.Ignore("not addressed");
    }

    /** The character whose message this one replies to, if the user may talk to it. */
    private Optional<Personality> replyTarget(Message message, Viewer viewer) {
        MessageReference reference = message.getMessageReference();
        if (reference == null || reference.getType() != MessageReference.MessageReferenceType.DEFAULT) {
            return Optional.empty();
        }
        Message target = message.getReferencedMessage();
        if (target == null) {
            try {
                target = message.getChannel().retrieveMessageById(reference.getMessageIdLong()).complete();
            } catch (ErrorResponseException e) {
                return Optional.empty(); // deleted or unreadable: the chain simply continues
            }
        }
        long self = message.getJDA().getSelfUser().getIdLong();
        boolean ours = message.isFromGuild()
                ? target.isWebhookMessage() && (target.getApplicationIdLong() == 0 || target.getApplicationIdLong() == self)
                : target.getAuthor().getIdLong() == self;
        if (!ours) {
            return Optional.empty();
        }
        // the access re-check closes the loophole of reaching someone's private character by replying to it
        return deliveredRecord(target).map(DeliveredMessage::personalityId)
                .filter(id -> services.personalities().canView(id, viewer))
                .flatMap(services.personalities()::findById);
    }

    /**
     * The delivery record of a post of ours. A quick reply (or a gateway event that outruns Discord's answer to our
     * post) can arrive before the record is written, so a fresh post is looked up again for a moment.
     */
    private Optional<DeliveredMessage> deliveredRecord(Message target) {
        Optional<DeliveredMessage> found = services.delivered().find(target.getId());
        Duration age = Duration.between(target.getTimeCreated().toInstant(), services.clock().instant()).abs();
        long deadline = System.nanoTime() + RECORD_WAIT.toNanos();
        while (found.isEmpty() && age.compareTo(FRESH_POST) < 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
            found = services.delivered().find(target.getId());
        }
        return found;
    }

    /**
     * The channel's scene (or, for a thread without settings of its own, its parent's): who of the characters the
     * sender may talk to answers, by the channel's speaker strategy. A private character the sender may not see
     * is skipped; when it is all the scene has, the sender is told (at most hourly) and nobody answers.
     */
    private Optional<Trigger> activated(Message message, User user, Viewer viewer) {
        Optional<ChannelSettings> settings = services.channels().find(message.getChannel().getId());
        if (settings.isEmpty()) {
            // a thread without its own settings inherits its parent's; one with settings never does
            settings = parentChannelId(message.getChannel()).flatMap(services.channels()::find);
        }
        List<Personality> scene = settings.map(ChannelSettings::autoResponders).orElse(List.of()).stream()
                .flatMap(id -> services.personalities().findById(id).stream()).toList();
        if (scene.isEmpty()) {
            return Optional.empty();
        }
        List<Personality> present = scene.stream()
                .filter(p -> services.personalities().canView(p.id(), viewer)).toList();
        if (present.isEmpty()) {
            String key = message.getChannel().getId() + ":" + message.getAuthor().getId();
            Instant now = services.clock().instant();
            Instant last = privateActivationNotices.get(key);
            if (last == null || !now.isBefore(last.plus(NOTICE_COOLDOWN))) {
                privateActivationNotices.put(key, now);
                return Optional.of(new Trigger.BotAnswer(BotTexts.privateActivation(scene.get(0).shownName()), 0));
            }
            return Optional.empty();
        }
        List<Personality> speaking = services.speakers().choose(settings.get().speakerStrategy(), present,
                message.getContentDisplay());
        if (speaking.isEmpty()) {
            return Optional.empty(); // a manual scene, or everyone chose silence: the message is simply read
        }
        return Optional.of(new Trigger.Invoke(user, speaking, message.getContentRaw(), true, ""));
    }

    /**
     * Talking to characters needs a one-time verification, which happens by talking to one in an NSFW
     * channel; anywhere else an unverified user is told how to verify.
     */
    private Trigger nsfwGate(Message message, User user, Trigger.Invoke invoke) {
        if (message.isFromGuild() && isNsfwChannel(message)) {
            if (!user.nsfwVerified()) {
                services.users().setNsfwVerified(user.id(), true);
                return new Trigger.Invoke(user, invoke.personalities(), invoke.content(), invoke.autoResponse(),
                        BotTexts.VERIFIED);
            }
            return invoke;
        }
        return user.nsfwVerified() ? invoke : new Trigger.BotAnswer(BotTexts.VERIFICATION_REQUIRED, 0);
    }

    static boolean isNsfwChannel(Message message) {
        Guild guild = message.getGuild();
        if (guild.getNSFWLevel() == Guild.NSFWLevel.AGE_RESTRICTED) {
            return true;
        }
        MessageChannel channel = message.getChannel();
        if (channel instanceof IAgeRestrictedChannel restricted && restricted.isNSFW()) {
            return true;
        }
        return channel instanceof ThreadChannel thread
                && thread.getParentChannel() instanceof IAgeRestrictedChannel parent && parent.isNSFW();
    }

    private static boolean mentionsBot(Message message) {
        String self = message.getJDA().getSelfUser().getId();
        String content = message.getContentRaw();
        return content.contains("<@" + self + ">") || content.contains("<@!" + self + ">");
    }

    static Optional<String> parentChannelId(MessageChannel channel) {
        return channel instanceof ThreadChannel thread ? Optional.of(thread.getParentChannel().getId()) : Optional.empty();
    }

    static DiscordUserProfile profile(Message message) {
        String shown = message.getMember() != null ? message.getMember().getEffectiveName()
                : message.getAuthor().getGlobalName();
        return new DiscordUserProfile(message.getAuthor().getId(), message.getAuthor().getName(), shown, null, false);
    }
}
