package io.tzurot.discord.swipe;

import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.reply.ReplyOutcome.PersonalityCard;
import io.tzurot.core.reply.ReplyStream;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.swipe.ReplyTarget;
import io.tzurot.core.swipe.SwipeActions;
import io.tzurot.core.swipe.SwipeOutcome;
import io.tzurot.discord.delivery.ReplyEditor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reactions on a character's reply act on it: 🔄 regenerates it in place, ◀ ▶ move between its versions (the
 * requester only, on the character's latest reply in the channel), 🗑 deletes it (the requester or a member who may
 * manage the channel's messages). The bot adds no reactions of its own; it takes a handled reaction off again (when
 * it may manage messages), so the same one works as a button next time, and ignores everyone else's.
 */
public final class ReplyReactions extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyReactions.class);

    /** The actions, by emoji (without the variation selector some keyboards add). */
    enum Action { REGENERATE, PREVIOUS, NEXT, DELETE }

    static final Map<String, Action> EMOJI = Map.of("🔄", Action.REGENERATE, "◀", Action.PREVIOUS,
            "▶", Action.NEXT, "🗑", Action.DELETE);

    private final SwipeActions swipes;
    private final ReplyEditor editor;
    private final PersonalityRepository personalities;
    private final Executor workers;

    public ReplyReactions(SwipeActions swipes, ReplyEditor editor, PersonalityRepository personalities, Executor workers) {
        this.swipes = Objects.requireNonNull(swipes, "swipes");
        this.editor = Objects.requireNonNull(editor, "editor");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    /** The action of a unicode emoji, if it is one of ours. */
    static Optional<Action> action(String emoji) {
        return Optional.ofNullable(EMOJI.get(emoji.replace("\uFE0F", "")));
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        if (event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()
                || event.getEmoji().getType() != Emoji.Type.UNICODE || !ReplyEditor.supports(event.getChannel())) {
            return;
        }
        Optional<Action> action = action(event.getEmoji().getName());
        if (action.isPresent()) {
            workers.execute(() -> handle(event, action.get()));
        }
    }

    private void handle(MessageReactionAddEvent event, Action action) {
        try {
            Optional<ReplyTarget> target = swipes.targets().byDiscordMessage(event.getMessageId());
            if (target.isEmpty()) {
                return; // not a character's reply: someone else's reaction, left alone
            }
            act(event, action, target.get()).whenComplete((outcome, error) -> {
                if (error != null) {
                    LOG.warn("{} on message {} failed: {}", action, event.getMessageId(), error.toString());
                }
                if (!(outcome instanceof SwipeOutcome.Deleted)) {
                    takeOff(event);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("{} on message {} failed: {}", action, event.getMessageId(), e.toString());
        }
    }

    private CompletableFuture<SwipeOutcome> act(MessageReactionAddEvent event, Action action, ReplyTarget target) {
        String actor = event.getUserId();
        MessageChannel channel = event.getChannel();
        return switch (action) {
            case REGENERATE -> swipes.regenerating().regenerate(target, speaker(event), ReplyStream.NONE)
                    .thenComposeAsync(outcome -> show(channel, outcome), workers);
            case PREVIOUS -> show(channel, swipes.switching().step(target, actor, -1));
            case NEXT -> show(channel, swipes.switching().step(target, actor, 1));
            case DELETE -> {
                SwipeOutcome outcome = swipes.deleting().delete(target, actor, moderator(event));
                if (outcome instanceof SwipeOutcome.Deleted deleted) {
                    yield editor.delete(channel, deleted.discordMessageIds()).thenApply(ok -> outcome);
                }
                yield CompletableFuture.completedFuture(outcome);
            }
        };
    }

    /** Edits the reply's messages to the shown version and records the messages it is now posted as. */
    private CompletableFuture<SwipeOutcome> show(MessageChannel channel, SwipeOutcome outcome) {
        if (!(outcome instanceof SwipeOutcome.Shown shown)) {
            if (outcome instanceof SwipeOutcome.Refused refused) {
                LOG.debug("reaction refused: {}", refused.reason());
            }
            return CompletableFuture.completedFuture(outcome);
        }
        PersonalityCard card = shown.card().orElseGet(() -> card(shown.target()));
        List<String> before = shown.discordMessageIds();
        return editor.replace(channel, card, before, shown.content(), shown.footer(), after -> after.equals(before)
                        ? CompletableFuture.completedFuture(null)
                        : CompletableFuture.runAsync(() -> swipes.targets().posted(shown.target(), after), workers))
                .thenApply(after -> outcome);
    }

    private PersonalityCard card(ReplyTarget target) {
        UUID id = target.reply().personalityId();
        return personalities.findById(id)
                .map(p -> new PersonalityCard(p.id(), p.slug(), p.name(), p.displayName(), false))
                .orElseGet(() -> new PersonalityCard(id, "character", "Character", null, false));
    }

    private static Speaker speaker(MessageReactionAddEvent event) {
        Member member = event.getMember();
        User user = member != null ? member.getUser() : event.getUser();
        String username = user == null ? null : user.getName();
        String display = member != null ? member.getEffectiveName() : user == null ? null : user.getEffectiveName();
        return new Speaker(event.getUserId(), username, display);
    }

    private static boolean moderator(MessageReactionAddEvent event) {
        Member member = event.getMember();
        return member != null && event.getChannel() instanceof GuildChannel channel
                && member.hasPermission(channel, Permission.MESSAGE_MANAGE);
    }

    /** Takes the person's reaction off again, where the bot may (Manage Messages); otherwise it stays. */
    private void takeOff(MessageReactionAddEvent event) {
        if (!(event.getChannel() instanceof GuildMessageChannel channel)
                || !channel.getGuild().getSelfMember().hasPermission(channel, Permission.MESSAGE_MANAGE)) {
            return;
        }
        User user = event.getUser();
        CompletableFuture<User> who = user != null ? CompletableFuture.completedFuture(user) : event.retrieveUser().submit();
        who.thenCompose(u -> channel.removeReactionById(event.getMessageId(), event.getEmoji(), u).submit())
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        LOG.debug("reaction on {} not taken off: {}", event.getMessageId(), error.toString());
                    }
                });
    }
}
