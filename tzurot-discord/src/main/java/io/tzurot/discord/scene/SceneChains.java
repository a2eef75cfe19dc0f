package io.tzurot.discord.scene;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.channel.ChoosingSpeakers;
import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.discord.DeliveredMessage;
import io.tzurot.core.discord.DeliveredMessageRepository;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.UserRepository;
import io.tzurot.discord.chat.ChatDelivery;
import io.tzurot.discord.delivery.ChannelQueue;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageType;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scenes' loop guard ({@link SceneLimits#maxChain()}): a character's post in a scene channel may start a turn
 * by another of its characters (chosen by the channel's speaker strategy, never the one who just spoke), at most M
 * of them in a row until a person speaks again there. Only the post that ends a round starts one: the check waits
 * for the channel's deliveries so far and goes on only when the post is the channel's latest delivered one (a
 * round's earlier replies, and all but the last chunk of a long one, are not). The count and the claim of each
 * post live in {@link ChainCounts} (the shared key store, so several gateways agree). Messages of other bots and
 * webhooks are never followed: they are not our delivered posts.
 */
public final class SceneChains implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(SceneChains.class);
    private static final Set<MessageType> HANDLED = Set.of(MessageType.DEFAULT, MessageType.INLINE_REPLY);

    private final ChannelSettingsRepository channels;
    private final PersonalityRepository personalities;
    private final UserRepository users;
    private final DeliveredMessageRepository delivered;
    private final ChoosingSpeakers speakers;
    private final ChainCounts counts;
    private final ChannelQueue deliveries;
    private final ChatDelivery chat;
    private final Executor workers;

    /**
     * @param deliveries the channel queue replies are delivered through (a check waits for what is queued there)
     * @param chat       how a chained turn is answered, as {@code /chime-in}'s
     */
    public SceneChains(ChannelSettingsRepository channels, PersonalityRepository personalities, UserRepository users,
                       DeliveredMessageRepository delivered, ChoosingSpeakers speakers, ChainCounts counts,
                       ChannelQueue deliveries, ChatDelivery chat, Executor workers) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.users = Objects.requireNonNull(users, "users");
        this.delivered = Objects.requireNonNull(delivered, "delivered");
        this.speakers = Objects.requireNonNull(speakers, "speakers");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof MessageReceivedEvent received && received.isFromGuild()) {
            handle(received.getMessage());
        }
    }

    private void handle(Message message) {
        if (!HANDLED.contains(message.getType()) || message.getAuthor().isSystem()) {
            return;
        }
        if (message.isWebhookMessage()) {
            long self = message.getJDA().getSelfUser().getIdLong();
            if (message.getApplicationIdLong() == 0 || message.getApplicationIdLong() == self) {
                workers.execute(() -> guarded(() -> posted(message)));
            }
        } else if (!message.getAuthor().isBot()) {
            workers.execute(() -> guarded(() -> personSpoke(message)));
        }
    }

    /** A person spoke in a scene channel: the count starts again, and they are who chained turns answer. */
    private void personSpoke(Message message) {
        if (scene(message).size() < 2 || speakers.limits().maxChain() == 0) {
            return;
        }
        String shown = message.getMember() != null ? message.getMember().getEffectiveName()
                : message.getAuthor().getEffectiveName();
        counts.personSpoke(message.getChannel().getId(),
                new Speaker(message.getAuthor().getId(), message.getAuthor().getName(), shown));
    }

    /**
     * One of our characters posted in a channel whose scene may chain: the rest waits for the deliveries queued in
     * the channel so far (the rest of the post's round among them).
     */
    private void posted(Message post) {
        List<Personality> scene = scene(post);
        if (scene.size() < 2 || speakers.limits().maxChain() == 0) {
            return; // the usual case costs no place in the channel's queue
        }
        deliveries.enqueue(post.getChannel().getId(),
                () -> CompletableFuture.runAsync(() -> guarded(() -> follow(post, scene)), workers));
    }

    /** When the post ends a round, maybe another character takes the next turn. */
    private void follow(Message post, List<Personality> scene) {
        String channelId = post.getChannel().getId();
        SceneLimits limits = speakers.limits();
        Optional<DeliveredMessage> latest = delivered.latestInChannel(channelId);
        if (latest.isEmpty() || !latest.get().messageId().equals(post.getId())) {
            return; // not the end of a round (or not ours): the round's last post decides
        }
        Optional<Personality> justSpoke = personalities.findById(latest.get().personalityId());
        if (justSpoke.isEmpty() || !counts.claim(post.getId())) {
            return; // another gateway follows this post
        }
        Optional<Speaker> person = counts.lastPerson(channelId);
        if (person.isEmpty()) {
            return; // no person spoke here lately: nobody to chain for
        }
        long turn = counts.nextTurn(channelId);
        if (!limits.allowsChainTurn(turn)) {
            LOG.debug("channel {}: chained turn {} refused by the loop guard ({})", channelId, turn, limits.maxChain());
            return;
        }
        Viewer viewer = users.findByDiscordId(person.get().discordId()).map(Viewer::of).orElse(Viewer.anonymous());
        List<Personality> visible = scene.stream().filter(p -> p.isPublic() || personalities.canView(p.id(), viewer))
                .toList();
        Optional<Personality> next = speakers.next(strategy(post), visible, justSpoke.get(), post.getContentDisplay());
        if (next.isEmpty()) {
            return;
        }
        LOG.debug("channel {}: {} takes chained turn {} after {}", channelId, next.get().slug(), turn,
                justSpoke.get().slug());
        chat.deliver(post, person.get(), next.get(), "(" + next.get().shownName() + " answers "
                + justSpoke.get().shownName() + ")");
    }

    /** The characters of the message's scene that answer on their own (a thread without settings: its parent's). */
    private List<Personality> scene(Message message) {
        return settings(message).map(ChannelSettings::autoResponders).orElse(List.of()).stream()
                .flatMap(id -> personalities.findById(id).stream()).toList();
    }

    private io.tzurot.core.channel.SpeakerStrategy strategy(Message message) {
        return settings(message).map(ChannelSettings::speakerStrategy)
                .orElse(io.tzurot.core.channel.SpeakerStrategy.NATURAL);
    }

    private Optional<ChannelSettings> settings(Message message) {
        Optional<ChannelSettings> own = channels.find(message.getChannel().getId());
        if (own.isEmpty() && message.getChannel() instanceof ThreadChannel thread) {
            return channels.find(thread.getParentChannel().getId());
        }
        return own;
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // a failed chain step only means no chained turn: the conversation itself is unharmed
            LOG.warn("scene chain step failed: {}", e.toString());
        }
    }
}
