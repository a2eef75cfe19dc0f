package io.tzurot.core.prompt;

/**
 * How the context window was shared out for one prompt (for diagnostics).
 *
 * @param contextWindow the model's context window C
 * @param baseSystemTokens system prompt without memories and history
 * @param currentMessageTokens the human message
 * @param fullHistoryTokens all supplied history entries, formatted
 * @param memoryBudget min(25 % of C, C - base - current - all history - 5 % of C), at least 0
 * @param memoryTokensUsed memory section tokens (wrapper included), 0 when no memory fit
 * @param memoriesIncluded memories in the prompt
 * @param memoriesDropped memories left out for lack of room
 * @param historyBudget tokens left for the chat log after system prompt with memories and human message
 * @param historyTokensUsed cost of the chat-log entries included
 * @param historyIncluded history entries in the prompt
 * @param historyDropped history entries left out (oldest first)
 * @param systemPromptTokens the final system prompt
 * @param totalTokens final system prompt plus human message
 * @param factTokensUsed memory-facts section tokens (wrapper included), 0 when none fit; part of the base
 * @param factsIncluded memory facts in the prompt
 * @param factsDropped memory facts left out for lack of room
 */
public record TokenBudgetReport(int contextWindow, int baseSystemTokens, int currentMessageTokens,
        int fullHistoryTokens, int memoryBudget, int memoryTokensUsed, int memoriesIncluded, int memoriesDropped,
        int historyBudget, int historyTokensUsed, int historyIncluded, int historyDropped, int systemPromptTokens,
        int totalTokens, int factTokensUsed, int factsIncluded, int factsDropped) {
}
