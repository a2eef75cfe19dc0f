package io.tzurot.core.reply;

import io.tzurot.core.lorebook.activation.FiredEntry;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LoreMessage;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.SystemPrompt;
import io.tzurot.core.personality.SystemPromptRepository;
import io.tzurot.core.prompt.Attachment;
import io.tzurot.core.prompt.CurrentMessage;
import io.tzurot.core.prompt.HistoryEntry;
import io.tzurot.core.prompt.MemoryNote;
import io.tzurot.core.prompt.Participant;
import io.tzurot.core.prompt.PromptLore;
import io.tzurot.core.prompt.PromptPersonality;
import io.tzurot.core.prompt.PromptRequest;
import io.tzurot.core.prompt.Protocol;
import io.tzurot.core.prompt.ReferencedMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;

/** Turns the resolved context, history, described attachments and recalled memories into a prompt request. */
final class PreparingTurn {

    /** The longest blurb of another character in the participants section. */
    static final int BLURB_CHARS = 240;

    private final SystemPromptRepository systemPrompts;
    private final Function<UUID, Optional<Personality>> characters;
    private final Function<ReplyRequest, List<Personality>> present;

    PreparingTurn(SystemPromptRepository systemPrompts, Function<UUID, Optional<Personality>> characters) {
        this(systemPrompts, characters, request -> List.of());
    }

    /** {@code present}: the characters of the request's channel (its scene), listed even before they speak. */
    PreparingTurn(SystemPromptRepository systemPrompts, Function<UUID, Optional<Personality>> characters,
                  Function<ReplyRequest, List<Personality>> present) {
        this.systemPrompts = Objects.requireNonNull(systemPrompts, "systemPrompts");
        this.characters = Objects.requireNonNull(characters, "characters");
        this.present = Objects.requireNonNull(present, "present");
    }

    /** The current message, its user mentions shown as the persona names the users present to this character. */
    static CurrentMessage current(ReplyContext context, List<Attachment> attachments, UserReferences.Scope users) {
        String personaId = context.persona().persona().map(p -> p.id().toString()).orElse("");
        return new CurrentMessage(personaId, context.speakerName(), Optional.of(context.request().speaker().username()),
                users.mentionsInMessage(context.request().message()), attachments);
    }

    /** The references, a person's message under the persona name its author presents to this character. */
    static List<ReferencedMessage> references(List<ReferenceInput> inputs, List<List<Attachment>> described,
                                              UserReferences.Scope users) {
        List<ReferencedMessage> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            ReferenceInput in = inputs.get(i);
            String author = in.authorPlatformId().flatMap(users::personaName).orElse(in.authorName());
            out.add(new ReferencedMessage(in.messageId(), author, in.authorUsername(), in.sentAt(),
                    users.mentionsInMessage(in.content()), in.embeds(), described.get(i), in.forwarded(), in.automated()));
        }
        return out;
    }

    static List<MemoryNote> notes(List<MemoryHit> hits) {
        List<MemoryNote> notes = new ArrayList<>(hits.size());
        for (MemoryHit hit : hits) {
            notes.add(new MemoryNote(hit.memory().id().toString(), hit.memory().content(),
                    Optional.of(hit.memory().createdAt()), hit.score(), hit.memory().bodyTokens() == null
                    ? OptionalInt.empty() : OptionalInt.of(hit.memory().bodyTokens())));
        }
        return notes;
    }

    /** The request of the first attempt (full history budget); a retry changes only its budget factor. */
    PromptRequest request(ReplyContext context, List<HistoryEntry> history, CurrentMessage current,
                          List<ReferencedMessage> references, List<MemoryHit> memories, UserReferences.Scope users,
                          PromptLore lore) {
        Personality p = context.personality();
        // references first: the users they name join the participants below
        PromptPersonality personality = new PromptPersonality(p.name(), p.shownName(), users.inPrompt(p.characterInfo()),
                users.inPrompt(p.personalityTraits()), users.inPrompt(p.tone()), users.inPrompt(p.age()),
                users.inPrompt(p.appearance()), users.inPrompt(p.likes()), users.inPrompt(p.dislikes()),
                users.inPrompt(p.conversationalGoals()), users.inPrompt(p.conversationalExamples()));
        Protocol protocol = protocol(p, users);
        PromptRequest.Builder b = new PromptRequest.Builder()
                .personality(personality)
                .protocol(protocol)
                .userZone(context.zone())
                .requestId(context.request().requestId())
                .participants(withCharacters(participants(context, history, users.mentioned(),
                        guildInfo(context, users)), context, history, users))
                .memories(notes(memories))
                .references(references)
                .history(history)
                .current(current)
                .contextWindowTokens(context.preset().contextWindowTokens())
                .lore(lore);
        context.request().location().ifPresent(b::location);
        return b.build();
    }

    /** The conversation as the lore scan reads it: history oldest first, then the message being answered. */
    static List<LoreMessage> loreMessages(List<HistoryEntry> history, CurrentMessage current) {
        List<LoreMessage> out = new ArrayList<>(history.size() + 1);
        history.stream().sorted(Comparator.comparing(HistoryEntry::createdAt))
                .forEach(e -> out.add(new LoreMessage(e.speakerName(), e.content())));
        out.add(new LoreMessage(current.speakerName(), current.text()));
        return out;
    }

    /** The fired entries by place in the prompt; Author's-Note entries go with the note (NotesForReplies). */
    static PromptLore lore(LoreActivation activation) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        List<PromptLore.DepthNote> atDepth = new ArrayList<>();
        for (FiredEntry f : activation.fired()) {
            switch (f.position()) {
                case BEFORE_CHARACTER -> before.add(f.content());
                case AFTER_CHARACTER -> after.add(f.content());
                case AT_DEPTH -> atDepth.add(new PromptLore.DepthNote(f.depth(),
                        f.role().name().toLowerCase(Locale.ROOT), f.content()));
                default -> { } // AUTHORS_NOTE_TOP/BOTTOM: NotesForReplies.withLore; OUTLET: no outlets in the prompt yet
            }
        }
        return new PromptLore(before, after, atDepth);
    }

    private Protocol protocol(Personality p, UserReferences.Scope users) {
        if (p.systemPromptId() == null) {
            return Protocol.none();
        }
        return systemPrompts.findById(p.systemPromptId()).map(SystemPrompt::content).filter(c -> !c.isBlank())
                .<Protocol>map(c -> new Protocol.Raw(users.inPrompt(c))).orElse(Protocol.none());
    }

    /**
     * The request's server details of members, by the persona id they present here (only people with a persona
     * are participants); the speaker's under the active persona.
     */
    private static Map<String, Participant.GuildInfo> guildInfo(ReplyContext context, UserReferences.Scope users) {
        Map<String, Participant.GuildInfo> byPersona = new HashMap<>();
        ReplyRequest request = context.request();
        request.guildMembers().forEach((discordId, info) -> {
            if (discordId.equals(request.speaker().discordId())) {
                context.persona().persona().ifPresent(p -> byPersona.put(p.id().toString(), info));
            } else {
                users.persona(discordId).ifPresent(p -> byPersona.putIfAbsent(p.id().toString(), info));
            }
        });
        return byPersona;
    }

    /**
     * The people, then the other characters present in the channel (its scene's, in activation order) and those
     * whose turns the history shows, each once with a short blurb; the character answering is not among them (its
     * card is the prompt's identity).
     */
    private List<Participant> withCharacters(List<Participant> people, ReplyContext context, List<HistoryEntry> history,
                                             UserReferences.Scope users) {
        List<Participant> others = otherCharacters(context.personality().id().toString(),
                present.apply(context.request()), history, characters, users::inPrompt);
        if (others.isEmpty()) {
            return people;
        }
        List<Participant> all = new ArrayList<>(people);
        all.addAll(others);
        return all;
    }

    /**
     * The characters other than {@code self}: first those {@code present} (in their order), then the others whose
     * turns {@code history} shows, each once, with a blurb of its card ({@code inPrompt} fills in user references).
     */
    static List<Participant> otherCharacters(String self, List<Personality> present, List<HistoryEntry> history,
                                             Function<UUID, Optional<Personality>> characters,
                                             Function<String, String> inPrompt) {
        Map<String, Participant> others = new LinkedHashMap<>();
        for (Personality p : present) {
            String id = p.id().toString();
            if (!id.equals(self) && !others.containsKey(id)) {
                others.put(id, Participant.character(id, p.shownName(), blurb(inPrompt.apply(p.characterInfo()),
                        inPrompt.apply(p.personalityTraits()))));
            }
        }
        for (HistoryEntry entry : history) {
            Optional<String> id = entry.speakerPersonaId();
            if (entry.role() != HistoryEntry.Role.ASSISTANT || id.isEmpty() || id.get().equals(self)
                    || others.containsKey(id.get())) {
                continue;
            }
            UUID personalityId;
            try {
                personalityId = UUID.fromString(id.get());
            } catch (IllegalArgumentException notAnId) {
                continue;
            }
            String blurb = characters.apply(personalityId).map(p -> blurb(inPrompt.apply(p.characterInfo()),
                    inPrompt.apply(p.personalityTraits()))).orElse("");
            others.put(id.get(), Participant.character(id.get(), entry.speakerName().isBlank() ? "Character"
                    : entry.speakerName(), blurb));
        }
        return List.copyOf(others.values());
    }

    /** The start of a character's description (or its traits), cut at a sentence end or word within the limit. */
    static String blurb(String info, String traits) {
        String text = (info == null || info.isBlank() ? (traits == null ? "" : traits) : info).strip()
                .replaceAll("\\s+", " ");
        if (text.length() <= BLURB_CHARS) {
            return text;
        }
        String head = text.substring(0, BLURB_CHARS);
        int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        if (sentence >= BLURB_CHARS / 3) {
            return head.substring(0, sentence + 1);
        }
        int space = head.lastIndexOf(' ');
        return (space > 0 ? head.substring(0, space) : head) + "…";
    }

    private static List<Participant> participants(ReplyContext context, List<HistoryEntry> history,
                                                  List<Persona> mentioned, Map<String, Participant.GuildInfo> guild) {
        Map<String, Participant> byId = new LinkedHashMap<>();
        context.persona().persona().ifPresent(persona -> byId.put(persona.id().toString(), new Participant(
                persona.id().toString(), persona.displayName(), persona.pronouns(), persona.content(), true,
                Optional.ofNullable(guild.get(persona.id().toString())))));
        for (HistoryEntry entry : history) {
            if (entry.role() == HistoryEntry.Role.USER && entry.speakerPersonaId().isPresent()) {
                String id = entry.speakerPersonaId().get();
                byId.putIfAbsent(id, new Participant(id, entry.speakerName(), null, null, false,
                        Optional.ofNullable(guild.get(id))));
            }
        }
        for (Persona persona : mentioned) {
            String id = persona.id().toString();
            byId.putIfAbsent(id, new Participant(id, persona.displayName(), persona.pronouns(), persona.content(), false,
                    Optional.ofNullable(guild.get(id))));
        }
        return new ArrayList<>(byId.values());
    }
}
