package io.tzurot.core.prompt;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the system prompt and human message of one reply inside the model's context window: memories get at
 * most a quarter of it, history fills what is left, newest first.
 */
public final class PromptAssembler {

    private static final double MEMORY_SHARE = 0.25;
    private static final double SAFETY_MARGIN = 0.05;

    private final TokenCounter tokens;
    private final Clock clock;

    /** An assembler counting with {@code tokens} and reading "now" from {@code clock}. */
    public PromptAssembler(TokenCounter tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Assembles the prompt for {@code request}. */
    public AssembledPrompt assemble(PromptRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        CurrentMessage current = request.current();
        PromptPersonality personality = request.personality();
        Placeholders names = Placeholders.forConversation(current.speakerName(), current.speakerUsername().orElse(null),
                personality.name(), personality.displayName());

        List<HistoryEntry> history = new ArrayList<>(request.history());
        history.sort(Comparator.comparing(HistoryEntry::createdAt));
        Set<String> historyIds = new HashSet<>();
        history.forEach(entry -> historyIds.addAll(entry.messageIds()));

        String references = QuoteFormatter.referencesSection(request.references(), historyIds,
                history.stream().filter(e -> e.role() == HistoryEntry.Role.ASSISTANT).map(HistoryEntry::createdAt).toList(),
                now, request.userZone());
        PromptRequest deduplicated = withUniqueParticipants(request);
        KnownFacts.Pick facts = KnownFacts.pick(request.facts(), request.contextWindowTokens(), tokens);
        SystemSections sections = new SystemSections(deduplicated, names, references, now, facts.section());
        String storage = contentForStorage(current);
        String human = "<from id=\"" + Xml.attr(current.speakerPersonaId()) + "\">" + Xml.text(current.speakerName())
                + "</from>\n\n" + Xml.text(storage);

        int window = request.contextWindowTokens();
        long base = sections.tokens(tokens, List.of(), List.of());
        long cur = tokens.count(human);
        Set<String> otherCharacters = request.participants().stream().filter(Participant::character)
                .map(Participant::personaId).collect(Collectors.toSet());
        ChatLogFormatter chatLog = new ChatLogFormatter(personality, history, historyIds, now, request.userZone(),
                otherCharacters);
        List<String> lines = new ArrayList<>(history.size());
        long allHistory = 0;
        for (HistoryEntry entry : history) {
            String line = chatLog.line(entry);
            lines.add(line);
            allHistory += tokens.count(line);
        }

        long memoryBudget = Math.min((long) Math.floor(MEMORY_SHARE * window),
                Math.max(0, window - base - cur - allHistory - (long) Math.floor(SAFETY_MARGIN * window)));
        MemoryPick memories = pickMemories(request, memoryBudget, now, names);

        TokenCounter withNotes = memories.counting(tokens);
        long systemWithMemories = sections.tokens(withNotes, memories.atoms(), List.of());
        // lore placed in the chat log takes its room from the history's share
        Optional<String> noteLine = request.notes().authorsNote().flatMap(n -> NotesSections.noteLine(n, names));
        Map<Integer, List<String>> loreLines = NotesSections.withNote(LoreSections.depthLines(request.lore().atDepth(),
                names), request.notes().authorsNote().map(PromptNotes.AuthorsNoteInsert::depth).orElse(0), noteLine);
        long loreInLog = loreLines.values().stream().flatMap(List::stream).mapToLong(l -> tokens.count(l + "\n")).sum();
        long historyBudget = (long) Math.floor(Math.max(0, window - systemWithMemories - cur - loreInLog)
                * request.historyBudgetFactor());
        long available = historyBudget - tokens.count(ChatLogFormatter.EMPTY_SECTION);
        List<Integer> kept = new ArrayList<>();
        long historyUsed = 0;
        for (int i = history.size() - 1; i >= 0; i--) {
            long cost = history.get(i).tokenCount().isPresent() ? history.get(i).tokenCount().getAsInt()
                    : (lines.get(i).length() + 3) / 4;
            if (historyUsed + cost > available) {
                break;
            }
            historyUsed += cost;
            kept.add(i);
        }
        Collections.reverse(kept);
        List<String> keptLines = kept.stream().map(lines::get).toList();
        List<HistoryEntry> keptEntries = kept.stream().map(history::get).toList();

        List<String> chatLogAtoms = ChatLogFormatter.atoms(LoreSections.insert(keptLines, loreLines));
        String system = sections.render(memories.atoms(), chatLogAtoms);
        int systemTokens = (int) sections.tokens(withNotes, memories.atoms(), chatLogAtoms);
        TokenBudgetReport report = new TokenBudgetReport(window, (int) base, (int) cur, (int) allHistory,
                (int) memoryBudget, memories.tokensUsed(), memories.included().size(),
                request.memories().size() - memories.included().size(), (int) historyBudget, (int) historyUsed,
                keptEntries.size(), history.size() - keptEntries.size(), systemTokens, (int) (systemTokens + cur),
                facts.tokens(), facts.used().size(), facts.dropped());
        String referencesText = request.references().stream().map(ReferencedMessage::plainText)
                .filter(t -> !t.isBlank()).collect(Collectors.joining("\n\n"));
        return new AssembledPrompt(system, human, storage, referencesText, memories.included(), keptEntries, report,
                facts.used(), memories.tokensById(), notesReport(request.notes(), noteLine, keptLines.size(), names));
    }

    /** Where the author's note went and what it and the user prompts cost. */
    private NotesReport notesReport(PromptNotes notes, Optional<String> noteLine, int logSize, Placeholders names) {
        NotesReport.AuthorsNotePlaced placed = noteLine.flatMap(line -> notes.authorsNote().map(n ->
                new NotesReport.AuthorsNotePlaced(n.source(), n.depth(), Math.min(n.depth(), logSize), n.role(),
                        tokens.count(line + "\n"), (int) n.loreTop().stream().filter(t -> !t.isBlank()).count(),
                        (int) n.loreBottom().stream().filter(t -> !t.isBlank()).count()))).orElse(null);
        List<NotesReport.UserPromptPlaced> prompts = notes.userPrompts().stream().filter(p -> !p.text().isBlank())
                .map(p -> new NotesReport.UserPromptPlaced(p.scope(),
                        tokens.count(NotesSections.element(p.scope(), p.text(), names) + "\n"))).toList();
        return new NotesReport(placed, prompts);
    }

    /**
     * The memories that fit, the pieces of their section (none when no memory fits) and what each note line cost
     * when it was picked, keyed by the line itself (the very instance among the atoms).
     */
    private record MemoryPick(List<MemoryNote> included, List<String> atoms, int tokensUsed,
                              Map<String, Integer> tokensById, Map<String, Integer> lineTokens) {

        static final MemoryPick NONE = new MemoryPick(List.of(), List.of(), 0, Map.of(), Map.of());

        /**
         * {@code tokens}, answering a picked note line with its cost from the pick: each line carries its time and
         * score, so counting it whole again would miss the counter's memo on every reply.
         */
        TokenCounter counting(TokenCounter tokens) {
            if (lineTokens.isEmpty()) {
                return tokens;
            }
            return text -> {
                Integer known = lineTokens.get(text);
                return known != null ? known : tokens.count(text);
            };
        }
    }

    /** Greedy packing, best score first; a memory that does not fit is skipped, later smaller ones may still fit. */
    private MemoryPick pickMemories(PromptRequest request, long budget, Instant now, Placeholders names) {
        if (request.memories().isEmpty()) {
            return MemoryPick.NONE;
        }
        List<MemoryNote> ranked = new ArrayList<>(request.memories());
        ranked.sort(Comparator.comparingDouble(MemoryNote::score).reversed());
        long used = tokens.count(MemoryArchive.section(List.of()));
        List<MemoryNote> included = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        Map<String, Integer> tokensById = new LinkedHashMap<>();
        Map<String, Integer> lineTokens = new IdentityHashMap<>();
        for (MemoryNote memory : ranked) {
            // Each note is followed by a newline inside the section; counting it keeps the estimate exact.
            MemoryArchive.NoteParts note = MemoryArchive.noteParts(memory, now, request.userZone(), names);
            String line = note.text() + "\n";
            long cost = note.tokens(tokens);
            if (used + cost <= budget) {
                used += cost;
                included.add(memory);
                lines.add(line);
                tokensById.put(memory.id(), (int) cost);
                lineTokens.put(line, (int) cost);
            }
        }
        if (included.isEmpty()) {
            return MemoryPick.NONE;
        }
        return new MemoryPick(included, MemoryArchive.atoms(lines), (int) used, tokensById, lineTokens);
    }

    /** The current turn as text: the message, then attachment descriptions; "Hello" when there is nothing. */
    static String contentForStorage(CurrentMessage current) {
        String text = current.text().strip();
        String descriptions = current.attachments().stream().map(Attachment::labelled).filter(s -> !s.isBlank())
                .collect(Collectors.joining("\n\n"));
        if (text.isEmpty()) {
            return descriptions.isEmpty() ? "Hello" : descriptions;
        }
        return descriptions.isEmpty() ? text : text + "\n\n" + descriptions;
    }

    /** One entry per persona: the active speaker wins, otherwise the shorter name. */
    private static PromptRequest withUniqueParticipants(PromptRequest request) {
        Map<String, Participant> unique = new LinkedHashMap<>();
        for (Participant p : request.participants()) {
            unique.merge(p.personaId(), p, (a, b) -> {
                if (a.active() != b.active()) {
                    return a.active() ? a : b;
                }
                return b.name().length() < a.name().length() ? b : a;
            });
        }
        if (unique.size() == request.participants().size()) {
            return request;
        }
        return new PromptRequest(request.personality(), request.protocol(), request.userZone(), request.location(),
                request.requestId(), List.copyOf(unique.values()), request.memories(), request.references(),
                request.history(), request.current(), request.contextWindowTokens(), request.historyBudgetFactor(),
                request.lore(), request.facts(), request.notes());
    }
}
