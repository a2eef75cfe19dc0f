package io.tzurot.core.reply;

import io.tzurot.core.channel.ChannelSettings;
import io.tzurot.core.channel.ChannelSettingsRepository;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.prompt.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the channel's recent history with every character in it (spec/discord.md §1.9: the newest
 * {@code min(maxMessages, 100)} rows, settings' age limit, the user's context-reset epoch) and turns it into
 * prompt entries named after each speaker: a person's persona, a character's own name.
 */
public final class LoadingConversation {

    /** Most stored rows a prompt is shown, whatever the settings allow. */
    public static final int MAX_ROWS = 100;

    private final ConversationHistoryRepository history;
    private final PersonaHistoryConfigRepository epochs;
    private final PersonaRepository personas;
    private final PersonalityRepository personalities;
    private final Optional<ChannelSettingsRepository> channels;

    /** Without scenes: only the characters the history shows are other participants. */
    public LoadingConversation(ConversationHistoryRepository history, PersonaHistoryConfigRepository epochs,
                               PersonaRepository personas, PersonalityRepository personalities) {
        this(history, epochs, personas, personalities, Optional.empty());
    }

    /** With the scenes of Discord channels ({@code channels}): their activated characters are present. */
    public LoadingConversation(ConversationHistoryRepository history, PersonaHistoryConfigRepository epochs,
                               PersonaRepository personas, PersonalityRepository personalities,
                               Optional<ChannelSettingsRepository> channels) {
        this.channels = Objects.requireNonNull(channels, "channels");
        this.history = Objects.requireNonNull(history, "history");
        this.epochs = Objects.requireNonNull(epochs, "epochs");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
    }

    /** Oldest first, system rows left out (the prompt has no place for them); no channel context. */
    public List<HistoryEntry> load(ReplyContext context, Instant now) {
        return load(context, now, UserReferences.disabled().scope(context.personality().id(), Optional.empty()));
    }

    /**
     * The stored history merged with the request's channel context (spec/discord.md §1.9): the newest
     * {@code maxMessages} platform messages within the same age limit and reset epoch, each not already a stored
     * turn (a stored turn wins), a person shown by the persona they present ({@code users}), oldest first.
     */
    public List<HistoryEntry> load(ReplyContext context, Instant now, UserReferences.Scope users) {
        return loadWithChannel(context, now, users).entries();
    }

    /**
     * What {@link #load(ReplyContext, Instant, UserReferences.Scope)} returns, which of the request's channel
     * messages it shows as entries of their own, and (read with it by {@link #loadForReply}) the answer an earlier
     * delivery of the request stored already.
     */
    public record Loaded(List<HistoryEntry> entries, Set<String> fromChannel, Optional<HistoryMessage> recordedReply) {
    }

    /** As {@link #load(ReplyContext, Instant, UserReferences.Scope)}, telling which channel messages were merged in. */
    public Loaded loadWithChannel(ReplyContext context, Instant now, UserReferences.Scope users) {
        RecentHistoryQuery query = query(context, now);
        return loaded(context, query, history.recent(query), Optional.empty(), users);
    }

    /**
     * As {@link #loadWithChannel}, reading in the same round trip the reply an earlier delivery of this request
     * stored ({@link RecordingExchange#assistantTurnId}), so a redelivered job can answer with it.
     */
    public Loaded loadForReply(ReplyContext context, Instant now, UserReferences.Scope users) {
        RecentHistoryQuery query = query(context, now);
        ConversationHistoryRepository.RecentAndRow read = history.recentAndFind(query,
                RecordingExchange.assistantTurnId(context.request().requestId()));
        return loaded(context, query, read.recent(), read.row(), users);
    }

    private RecentHistoryQuery query(ReplyContext context, Instant now) {
        Optional<Instant> reset = context.persona().persona()
                .flatMap(p -> epochs.find(context.user().id(), context.personality().id(), p.id()))
                .flatMap(PersonaHistoryConfig::contextResetAt);
        return RecentHistoryQuery.wholeChannel(context.request().channelId(), context.personality().id(),
                Math.min(context.settings().maxMessages(), MAX_ROWS), context.settings().maxAge().map(Duration::ofSeconds),
                reset, now);
    }

    private Loaded loaded(ReplyContext context, RecentHistoryQuery query, List<HistoryMessage> recent,
                          Optional<HistoryMessage> recordedReply, UserReferences.Scope users) {
        // a redelivered job finds its own user turn stored already; it is the current message, not history
        UUID own = RecordingExchange.userTurnId(context.request().requestId());
        List<HistoryMessage> rows = recent.stream().filter(r -> !r.id().equals(own)).toList();
        List<HistoryEntry> stored = stored(context, rows);
        List<ChannelMessage> channel = context.request().channelContext();
        if (channel.isEmpty()) {
            return new Loaded(stored, Set.of(), recordedReply);
        }
        List<HistoryEntry> merged = ChannelContext.merge(stored, channel, context.settings().maxMessages(),
                query.lowerBoundExclusive(), users);
        Set<String> storedIds = new HashSet<>();
        stored.forEach(e -> storedIds.addAll(e.messageIds()));
        Set<String> fromChannel = new HashSet<>();
        merged.forEach(e -> e.messageIds().stream().filter(id -> !storedIds.contains(id)).forEach(fromChannel::add));
        return new Loaded(merged, fromChannel, recordedReply);
    }

    /**
     * The characters present in the request's Discord channel: its scene's activated characters (a thread without
     * settings of its own has its parent's), oldest activation first; none outside Discord or without scenes.
     */
    public List<Personality> present(ReplyRequest request) {
        if (channels.isEmpty() || request.platform() != Platform.DISCORD) {
            return List.of();
        }
        ChannelSettingsRepository repo = channels.get();
        Optional<ChannelSettings> settings = repo.find(request.channelId())
                .or(() -> request.parentChannelId().flatMap(repo::find));
        return settings.map(ChannelSettings::activated).orElse(List.of()).stream()
                .flatMap(id -> personalities.findById(id).stream()).toList();
    }

    /** A character by id (for the blurbs of the others in a scene). */
    public Optional<Personality> character(UUID id) {
        return personalities.findById(id);
    }

    private List<HistoryEntry> stored(ReplyContext context, List<HistoryMessage> rows) {
        Personality asking = context.personality();
        // each character answering one message stores that message as its own user turn: show it once, and never
        // the message being answered now (another character's copy of it)
        Optional<String> answering = context.request().triggerMessageId();
        Set<String> seenMessages = new HashSet<>();
        Map<UUID, Optional<Persona>> names = new HashMap<>();
        Map<UUID, String> characters = new HashMap<>();
        characters.put(asking.id(), asking.shownName());
        List<HistoryEntry> entries = new ArrayList<>(rows.size());
        for (HistoryMessage row : rows) {
            OptionalInt tokens = row.tokenCount() == null ? OptionalInt.empty() : OptionalInt.of(row.tokenCount());
            if (row.role() == HistoryRole.ASSISTANT) {
                // each character's turn under its own name (a deleted character's turns stay, unnamed)
                String name = characters.computeIfAbsent(row.personalityId(),
                        id -> personalities.findById(id).map(Personality::shownName).orElse("Character"));
                entries.add(withIds(HistoryEntry.assistant(row.personalityId().toString(), name, row.createdAt(),
                        row.content(), tokens), row));
            } else if (row.role() == HistoryRole.USER) {
                if (!row.discordMessageIds().isEmpty() && (answering.filter(row.discordMessageIds()::contains).isPresent()
                        || !seenMessages.addAll(row.discordMessageIds()))) {
                    continue;
                }
                Optional<Persona> persona = names.computeIfAbsent(row.personaId(), personas::findById);
                String name = persona.map(Persona::displayName).orElse("User");
                // the messages it quoted are shown with it again, not only in the turn that quoted them
                entries.add(withIds(new HistoryEntry(HistoryEntry.Role.USER, name, Optional.of(row.personaId().toString()),
                        Optional.empty(), row.createdAt(), row.content(), tokens, List.of(), List.of(),
                        StoredQuotes.read(row.metadataJson())), row));
            }
        }
        return entries;
    }

    private static HistoryEntry withIds(HistoryEntry entry, HistoryMessage row) {
        if (row.discordMessageIds().isEmpty()) {
            return entry;
        }
        return new HistoryEntry(entry.role(), entry.speakerName(), entry.speakerPersonaId(), entry.speakerUsername(),
                entry.createdAt(), entry.content(), entry.tokenCount(), row.discordMessageIds(), entry.attachments(),
                entry.quoted());
    }
}
