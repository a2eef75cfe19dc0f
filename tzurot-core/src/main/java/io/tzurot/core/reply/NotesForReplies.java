package io.tzurot.core.reply;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.lorebook.activation.FiredEntry;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LorePosition;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.AuthorsNoteRepository;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.core.notes.UserPrompt;
import io.tzurot.core.notes.UserPromptRepository;
import io.tzurot.core.prompt.PromptNotes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Author's notes and user prompts in the reply engine. The note of a reply is the most specific one set: the
 * user's for this character, the user's for all characters, the conversation channel's, its parent channel's (a
 * thread follows its parent), the character's. It goes in when due: on every {@code frequency}-th user message
 * with this character in this channel (this one counted). Without any note the lorebook entries positioned around
 * the Author's Note still go in, at the default place (depth 4, system, every turn), as SillyTavern's empty note.
 * Neither may cost a reply: a failure is logged and the reply goes on without them.
 */
public final class NotesForReplies {

    private static final Logger LOG = LoggerFactory.getLogger(NotesForReplies.class);

    /** No notes and no user prompts stored (the lore around the Author's Note still goes at the default place). */
    public static final NotesForReplies NONE = new NotesForReplies(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * What a turn decided about the author's note.
     *
     * @param source    {@code user}, {@code channel}, {@code character} or {@code none}
     * @param userTurns the user messages counted for the frequency (null when not counted)
     */
    record Decision(String source, int frequency, Long userTurns, boolean due) {
    }

    /** The notes of a turn and the decision behind its author's note. */
    record Turn(PromptNotes notes, Decision decision) {
    }

    private final Optional<AuthorsNoteRepository> notes;
    private final Optional<UserPromptRepository> prompts;
    private final Optional<ConversationHistoryRepository> history;

    private NotesForReplies(Optional<AuthorsNoteRepository> notes, Optional<UserPromptRepository> prompts,
                            Optional<ConversationHistoryRepository> history) {
        this.notes = notes;
        this.prompts = prompts;
        this.history = history;
    }

    /** Notes and prompts from these stores; {@code history} counts user turns for the frequency. */
    public NotesForReplies(AuthorsNoteRepository notes, UserPromptRepository prompts,
                           ConversationHistoryRepository history) {
        this(Optional.of(Objects.requireNonNull(notes, "notes")), Optional.of(Objects.requireNonNull(prompts, "prompts")),
                Optional.of(Objects.requireNonNull(history, "history")));
    }

    /** The author's note due this turn (without its lore yet) and the user's prompts. */
    Turn forTurn(ReplyContext context) {
        UUID personalityId = context.personality().id();
        UUID userId = context.user().id();
        ReplyRequest request = context.request();
        Optional<AuthorsNote> note;
        try {
            note = notes.flatMap(n -> choose(n.candidates(personalityId, channels(request), userId), personalityId,
                    request.channelId(), request.parentChannelId(), userId));
        } catch (RuntimeException e) {
            LOG.warn("author's note not read for {}: {}", request.requestId(), e.toString());
            note = Optional.empty();
        }
        List<PromptNotes.UserPromptText> userPrompts = userPrompts(context);
        if (note.isEmpty()) {
            PromptNotes.AuthorsNoteInsert empty = new PromptNotes.AuthorsNoteInsert("", AuthorsNote.DEFAULT_DEPTH,
                    AuthorsNote.DEFAULT_ROLE.wireName(), "none", List.of(), List.of());
            return new Turn(new PromptNotes(Optional.of(empty), userPrompts),
                    new Decision("none", AuthorsNote.DEFAULT_FREQUENCY, null, true));
        }
        AuthorsNote n = note.get();
        Long turns = null;
        boolean due;
        if (n.frequency() <= 1) {
            due = n.frequency() == 1;
        } else {
            turns = userTurns(context);
            due = n.dueAt(turns);
        }
        Optional<PromptNotes.AuthorsNoteInsert> insert = due ? Optional.of(new PromptNotes.AuthorsNoteInsert(
                n.content(), n.depth(), n.role().wireName(),
                n.scope().kind(), List.of(), List.of())) : Optional.empty();
        return new Turn(new PromptNotes(insert, userPrompts), new Decision(n.scope().kind(), n.frequency(), turns, due));
    }

    /** {@code notes} with the fired entries positioned at the top and bottom of the Author's Note. */
    static PromptNotes withLore(PromptNotes notes, LoreActivation activation) {
        List<String> top = new ArrayList<>();
        List<String> bottom = new ArrayList<>();
        for (FiredEntry f : activation.fired()) {
            if (f.position() == LorePosition.AUTHORS_NOTE_TOP) {
                top.add(f.content());
            } else if (f.position() == LorePosition.AUTHORS_NOTE_BOTTOM) {
                bottom.add(f.content());
            }
        }
        return top.isEmpty() && bottom.isEmpty() ? notes : notes.withNoteLore(top, bottom);
    }

    /**
     * The most specific of {@code candidates}: the user's for this character, the user's for all, the channel's,
     * the parent channel's, the character's.
     */
    static Optional<AuthorsNote> choose(List<AuthorsNote> candidates, UUID personalityId, String channelId,
                                        Optional<String> parentChannelId, UUID userId) {
        List<NoteScope> order = new ArrayList<>();
        order.add(new NoteScope.User(userId, Optional.of(personalityId)));
        order.add(new NoteScope.User(userId, Optional.empty()));
        order.add(new NoteScope.Channel(channelId));
        parentChannelId.filter(p -> !p.equals(channelId)).ifPresent(p -> order.add(new NoteScope.Channel(p)));
        order.add(new NoteScope.Character(personalityId));
        List<String> keys = order.stream().map(NoteScope::key).toList();
        return candidates.stream().filter(c -> keys.contains(c.scope().key()))
                .min(Comparator.comparingInt(c -> keys.indexOf(c.scope().key())));
    }

    private static List<String> channels(ReplyRequest request) {
        List<String> out = new ArrayList<>(2);
        out.add(request.channelId());
        request.parentChannelId().filter(p -> !p.equals(request.channelId())).ifPresent(out::add);
        return out;
    }

    /** The user messages with this character in this channel, this turn's included (stored or not yet). */
    private long userTurns(ReplyContext context) {
        if (history.isEmpty()) {
            return 1;
        }
        ReplyRequest request = context.request();
        return history.get().countUserMessages(request.channelId(), context.personality().id(),
                RecordingExchange.userTurnId(request.requestId())) + 1;
    }

    /** The user's prompts for all characters, then for this one (both are shown). */
    private List<PromptNotes.UserPromptText> userPrompts(ReplyContext context) {
        if (prompts.isEmpty()) {
            return List.of();
        }
        try {
            List<UserPrompt> found = prompts.get().forReply(context.user().id(), context.personality().id());
            List<PromptNotes.UserPromptText> out = new ArrayList<>(2);
            found.stream().filter(p -> p.personalityId().isEmpty()).findFirst()
                    .ifPresent(p -> out.add(new PromptNotes.UserPromptText("all_characters", p.content())));
            found.stream().filter(p -> p.personalityId().isPresent()).findFirst()
                    .ifPresent(p -> out.add(new PromptNotes.UserPromptText("this_character", p.content())));
            return out;
        } catch (RuntimeException e) {
            LOG.warn("user prompts not read for {}: {}", context.request().requestId(), e.toString());
            return List.of();
        }
    }
}
