package io.tzurot.core.reply;

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
import io.tzurot.core.prompt.PromptPersonality;
import io.tzurot.core.prompt.PromptRequest;
import io.tzurot.core.prompt.Protocol;
import io.tzurot.core.prompt.ReferencedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Turns the resolved context, history, described attachments and recalled memories into a prompt request. */
final class PreparingTurn {

    private final SystemPromptRepository systemPrompts;

    PreparingTurn(SystemPromptRepository systemPrompts) {
        this.systemPrompts = Objects.requireNonNull(systemPrompts, "systemPrompts");
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
                    Optional.of(hit.memory().createdAt()), hit.score()));
        }
        return notes;
    }

    /** The request of the first attempt (full history budget); a retry changes only its budget factor. */
    PromptRequest request(ReplyContext context, List<HistoryEntry> history, CurrentMessage current,
                          List<ReferencedMessage> references, List<MemoryHit> memories, UserReferences.Scope users) {
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
                .participants(participants(context, history, users.mentioned(), guildInfo(context, users)))
                .memories(notes(memories))
                .references(references)
                .history(history)
                .current(current)
                .contextWindowTokens(context.preset().contextWindowTokens());
        context.request().location().ifPresent(b::location);
        return b.build();
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
