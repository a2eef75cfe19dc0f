package io.tzurot.core.prompt;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The two messages sent to the model, and what went into them.
 *
 * @param systemPrompt the system message
 * @param humanMessage the user (current turn) message
 * @param contentForStorage the current turn as plain text (text plus attachment descriptions), for memory storage
 * @param referencesPlainText plain text of the referenced messages, blank when none
 * @param includedMemories the memories that fit, in prompt order
 * @param includedHistory the history entries that fit, oldest first
 * @param budget the token budget figures
 * @param includedFacts the memory facts that fit, with the tokens each took
 * @param memoryTokens the tokens each included memory's note took, by memory id (for diagnostics)
 * @param notes where the author's note went and what the user prompts took
 */
public record AssembledPrompt(String systemPrompt, String humanMessage, String contentForStorage,
        String referencesPlainText, List<MemoryNote> includedMemories, List<HistoryEntry> includedHistory,
        TokenBudgetReport budget, List<KnownFacts.Used> includedFacts, java.util.Map<String, Integer> memoryTokens,
        NotesReport notes) {

    // OpenAI o1/o3 reasoning models reject system messages.
    private static final Pattern SYSTEMLESS_MODEL =
            Pattern.compile("^(openai/)?o[13](-mini|-preview)?(-\\d+)?$", Pattern.CASE_INSENSITIVE);

    /** Validates and copies the fields. */
    public AssembledPrompt {
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(humanMessage, "humanMessage");
        Objects.requireNonNull(contentForStorage, "contentForStorage");
        Objects.requireNonNull(referencesPlainText, "referencesPlainText");
        includedMemories = List.copyOf(includedMemories);
        includedHistory = List.copyOf(includedHistory);
        Objects.requireNonNull(budget, "budget");
        includedFacts = List.copyOf(Objects.requireNonNullElse(includedFacts, List.of()));
        memoryTokens = java.util.Map.copyOf(Objects.requireNonNullElse(memoryTokens, java.util.Map.of()));
        notes = Objects.requireNonNullElse(notes, NotesReport.NONE);
    }

    /** A prompt without per-memory token figures, author's note or user prompts. */
    public AssembledPrompt(String systemPrompt, String humanMessage, String contentForStorage, String referencesPlainText,
                           List<MemoryNote> includedMemories, List<HistoryEntry> includedHistory,
                           TokenBudgetReport budget, List<KnownFacts.Used> includedFacts) {
        this(systemPrompt, humanMessage, contentForStorage, referencesPlainText, includedMemories, includedHistory,
                budget, includedFacts, java.util.Map.of(), NotesReport.NONE);
    }

    /** A prompt without author's note or user prompts. */
    public AssembledPrompt(String systemPrompt, String humanMessage, String contentForStorage, String referencesPlainText,
                           List<MemoryNote> includedMemories, List<HistoryEntry> includedHistory,
                           TokenBudgetReport budget, List<KnownFacts.Used> includedFacts,
                           java.util.Map<String, Integer> memoryTokens) {
        this(systemPrompt, humanMessage, contentForStorage, referencesPlainText, includedMemories, includedHistory,
                budget, includedFacts, memoryTokens, NotesReport.NONE);
    }

    /** True when {@code model} cannot take a system message and needs {@link #inlinedHumanMessage()}. */
    public static boolean modelRejectsSystemMessage(String model) {
        return model != null && SYSTEMLESS_MODEL.matcher(model.strip()).matches();
    }

    /** The human message carrying the system prompt, for models that reject system messages. */
    public String inlinedHumanMessage() {
        return "[System Instructions]\n" + systemPrompt + "\n\n[End System Instructions]\n\n" + humanMessage;
    }

    /** Text for long-term memory search and storage: the turn plus referenced content. */
    public String contentForEmbedding() {
        return referencesPlainText.isBlank() ? contentForStorage
                : contentForStorage + "\n\n[Referenced content: " + referencesPlainText + "]";
    }
}
