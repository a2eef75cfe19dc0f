package io.tzurot.core.reply;

import io.tzurot.core.prompt.TokenBudgetReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The diagnostic "flight recorder" of one reply (pipeline.md §9): what was resolved and from which tier, what
 * memory recalled with which scores, the lorebook entries that fired, the memory facts and summaries used (each
 * with its tokens), the author's note and user prompts (where, tokens), the token budget, the exact prompt and
 * parameters, every model attempt
 * with its raw response and assessment, timings per stage, and the error if any. Fields are nullable rather
 * than Optional so any JSON codec can store it as is.
 */
public record FlightRecord(
        String requestId,
        Instant createdAt,
        String platform,
        String userDiscordId,
        String channelId,
        String guildId,
        String triggerMessageId,
        String personalityId,
        String personalitySlug,
        String personaId,
        Map<String, ValueSource> cascade,
        String searchQuery,
        String memorySkipped,
        List<RecalledMemoryRecord> memories,
        List<LoreRecord> lorebook,
        List<FactRecord> facts,
        List<SummaryRecord> summaries,
        AuthorsNoteRecord authorsNote,
        List<UserPromptRecord> userPrompts,
        TokenBudgetReport budget,
        String systemPrompt,
        String humanMessage,
        String model,
        boolean guestMode,
        Map<String, Object> parameters,
        List<AttemptRecord> attempts,
        String finalContent,
        Map<String, Long> timingsMs,
        String error,
        String referenceId) {

    /** A resolved value and the tier it came from. */
    public record ValueSource(String value, String tier) {
    }

    /** A recalled memory: its score and whether it fit in the prompt. */
    public record RecalledMemoryRecord(String id, double score, String preview, boolean includedInPrompt) {
    }

    /**
     * A lorebook entry that fired: which one, why (and by which key), where it went and its tokens.
     *
     * @param key the book and entry ({@code bookId/entryId})
     */
    public record LoreRecord(String key, String entryId, String comment, String reason, String matchedKey,
                             String position, Integer depth, String role, int tokens) {
    }

    /** A memory fact shown in the prompt, and the tokens its line took. */
    public record FactRecord(String id, String content, double confidence, boolean locked, int tokens) {
    }

    /**
     * The author's note of the reply: whose, whether it was due, and (when placed) where and its tokens.
     *
     * @param source    {@code user}, {@code channel}, {@code character} or {@code none} (only lore around the note)
     * @param userTurns the user messages counted for the frequency, null when not counted (frequency 0 or 1)
     * @param position  how many chat-log messages follow it (the depth, or less when the log was shorter)
     */
    public record AuthorsNoteRecord(String source, int frequency, Long userTurns, boolean due, boolean inserted,
                                    Integer depth, Integer position, String role, Integer tokens, int loreTop,
                                    int loreBottom) {
    }

    /** A user prompt shown: {@code all_characters} or {@code this_character}, and its tokens. */
    public record UserPromptRecord(String scope, int tokens) {
    }

    /**
     * A long-term-memory summary recalled into the prompt: which one, the originals it stands for, the time it covers,
     * its score and the tokens its note took.
     */
    public record SummaryRecord(String id, String content, Integer originals, String coversFrom, String coversUntil,
                                double score, int tokens) {
    }

    /** One model call and how its answer was judged. */
    public record AttemptRecord(int number, String rawContent, String reasoning, String finishReason,
                                Integer promptTokens, Integer completionTokens, long elapsedMs, int providerAttempts,
                                String visibleContent, List<String> transforms, double inadequacyScore,
                                List<String> inadequacyReasons, String duplicateLevel, String outcome, String error) {
    }
}
