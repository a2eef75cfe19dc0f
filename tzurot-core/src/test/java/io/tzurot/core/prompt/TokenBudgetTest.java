package io.tzurot.core.prompt;

import static io.tzurot.core.prompt.PromptFixtures.ARI;
import static io.tzurot.core.prompt.PromptFixtures.CLOCK;
import static io.tzurot.core.prompt.PromptFixtures.NEW_YORK;
import static io.tzurot.core.prompt.PromptFixtures.NOW;
import static io.tzurot.core.prompt.PromptFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TokenBudgetTest {

    private final PromptAssembler assembler = new PromptAssembler(new CharTokenCounter(), CLOCK);
    private final Placeholders names = Placeholders.forConversation("Ari", null, "Lilith", "Lilith");

    private static MemoryNote memory(String id, int length, double score) {
        return new MemoryNote(id, id + ":" + "m".repeat(length), Optional.of(NOW.minusSeconds(86_400 * 40)), score);
    }

    private int noteCost(MemoryNote memory) {
        return MemoryArchive.note(memory, NOW, NEW_YORK, names).length() + 1;
    }

    private static int overhead() {
        return MemoryArchive.section(List.of()).length();
    }

    private static HistoryEntry entry(String content, int minutesAgo, int tokens) {
        return HistoryEntry.user(ARI, "Ari", NOW.minusSeconds(60L * minutesAgo), content, OptionalInt.of(tokens));
    }

    private static String section(String prompt, String tag) {
        int start = prompt.indexOf("<" + tag);
        int end = prompt.indexOf("</" + tag + ">") + tag.length() + 3;
        return start < 0 ? "" : prompt.substring(start, end);
    }

    @Test
    void memoriesGetAtMostAQuarterOfTheWindow() {
        List<MemoryNote> memories = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            memories.add(memory("m" + i, 1_000, 0.99 - i * 0.01));
        }
        AssembledPrompt prompt = assembler.assemble(request().contextWindowTokens(100_000).memories(memories).build());
        TokenBudgetReport budget = prompt.budget();

        assertThat(budget.memoryBudget()).isEqualTo(25_000);
        assertThat(budget.memoryTokensUsed()).isLessThanOrEqualTo(25_000).isGreaterThan(25_000 - noteCost(memories.get(0)));
        assertThat(budget.memoryTokensUsed()).isEqualTo(section(prompt.systemPrompt(), "memory_archive").length());
        assertThat(budget.memoriesIncluded()).isEqualTo(prompt.includedMemories().size()).isBetween(1, 59);
        assertThat(budget.memoriesDropped()).isEqualTo(60 - budget.memoriesIncluded());
        assertThat(prompt.includedMemories()).isEqualTo(memories.subList(0, budget.memoriesIncluded()));
    }

    @Test
    void memoryBudgetLeavesRoomForAllHistoryAndAFivePercentMargin() {
        List<HistoryEntry> history = List.of(entry("h".repeat(3_000), 10, 750), entry("i".repeat(3_000), 5, 750));
        List<MemoryNote> memories = List.of(memory("a", 200, 0.9), memory("b", 200, 0.8));
        int window = 10_000;
        TokenBudgetReport budget = assembler.assemble(request().contextWindowTokens(window).history(history)
                .memories(memories).build()).budget();
        TokenBudgetReport bare = assembler.assemble(request().contextWindowTokens(window).build()).budget();

        assertThat(budget.baseSystemTokens()).isEqualTo(bare.systemPromptTokens());
        assertThat(budget.currentMessageTokens()).isEqualTo(bare.currentMessageTokens());
        int expected = Math.min(window / 4, Math.max(0, window - budget.baseSystemTokens()
                - budget.currentMessageTokens() - budget.fullHistoryTokens() - window / 20));
        assertThat(expected).isLessThan(window / 4);
        assertThat(budget.memoryBudget()).isEqualTo(expected);
        assertThat(budget.fullHistoryTokens()).isGreaterThan(6_000);
    }

    @Test
    void memoryBudgetIsZeroWhenHistoryFillsTheWindow() {
        List<HistoryEntry> history = List.of(entry("h".repeat(9_000), 10, 100));
        AssembledPrompt prompt = assembler.assemble(request().contextWindowTokens(10_000).history(history)
                .memories(List.of(memory("a", 10, 0.9))).build());

        assertThat(prompt.budget().memoryBudget()).isZero();
        assertThat(prompt.includedMemories()).isEmpty();
        assertThat(prompt.budget().memoryTokensUsed()).isZero();
        assertThat(prompt.systemPrompt()).doesNotContain("<memory_archive");
    }

    @Test
    void aMemoryThatDoesNotFitIsSkippedAndSmallerOnesAfterItStillFit() {
        MemoryNote best = memory("best", 2_000, 0.9);
        MemoryNote huge = memory("huge", 5_000, 0.8);
        MemoryNote small = memory("small", 2_000, 0.7);
        int target = overhead() + noteCost(best) + noteCost(small) + 5;
        AssembledPrompt prompt = assembler.assemble(request().contextWindowTokens(target * 4)
                .memories(List.of(small, huge, best)).build());

        assertThat(prompt.budget().memoryBudget()).isEqualTo(target);
        assertThat(prompt.includedMemories()).containsExactly(best, small);
        assertThat(prompt.budget().memoriesDropped()).isEqualTo(1);
        assertThat(prompt.budget().memoryTokensUsed()).isEqualTo(target - 5);
        assertThat(prompt.systemPrompt()).doesNotContain("huge:");
    }

    @Test
    void historyIsTakenNewestFirstAndStopsAtTheFirstEntryThatDoesNotFit() {
        HistoryEntry old = entry("old", 40, 10);
        HistoryEntry big = entry("big", 30, 1_000);
        HistoryEntry recent = entry("recent", 20, 10);
        HistoryEntry newest = entry("newest", 10, 10);
        TokenBudgetReport bare = assembler.assemble(request().build()).budget();
        int available = 35;
        int window = bare.baseSystemTokens() + bare.currentMessageTokens() + ChatLogFormatter.EMPTY_SECTION.length()
                + available;
        AssembledPrompt prompt = assembler.assemble(request().contextWindowTokens(window)
                .history(List.of(newest, old, recent, big)).build());

        assertThat(prompt.includedHistory()).containsExactly(recent, newest);
        assertThat(prompt.budget().historyIncluded()).isEqualTo(2);
        assertThat(prompt.budget().historyDropped()).isEqualTo(2);
        assertThat(prompt.budget().historyTokensUsed()).isEqualTo(20);
        assertThat(prompt.budget().historyBudget()).isEqualTo(available + ChatLogFormatter.EMPTY_SECTION.length());
        String log = section(prompt.systemPrompt(), "chat_log");
        assertThat(log).doesNotContain(">old<").doesNotContain(">big<");
        assertThat(log.indexOf(">recent<")).isLessThan(log.indexOf(">newest<"));
    }

    @Test
    void entriesWithoutStoredCountCostAQuarterOfTheirFormattedLength() {
        HistoryEntry uncounted = HistoryEntry.user(ARI, "Ari", NOW.minusSeconds(60), "x".repeat(400),
                OptionalInt.empty());
        AssembledPrompt prompt = assembler.assemble(request().history(List.of(uncounted)).build());
        int lineLength = section(prompt.systemPrompt(), "chat_log").length()
                - ChatLogFormatter.EMPTY_SECTION.length() - 1;

        assertThat(prompt.budget().historyTokensUsed()).isEqualTo((lineLength + 3) / 4);
        assertThat(prompt.budget().fullHistoryTokens()).isEqualTo(lineLength);
    }

    @Test
    void lateRetriesUseSeventyPercentOfTheHistoryBudget() {
        List<HistoryEntry> history = List.of(entry("a", 3, 5));
        TokenBudgetReport full = assembler.assemble(request().history(history).build()).budget();
        TokenBudgetReport reduced = assembler.assemble(request().history(history).historyBudgetFactor(0.7).build())
                .budget();

        int room = full.contextWindow() - full.baseSystemTokens() - full.currentMessageTokens();
        assertThat(full.historyBudget()).isEqualTo(room);
        assertThat(reduced.historyBudget()).isEqualTo((int) Math.floor(room * 0.7));
    }

    @Test
    void totalsDescribeTheFinalPrompt() {
        AssembledPrompt prompt = assembler.assemble(request().history(List.of(entry("a", 3, 5)))
                .memories(List.of(memory("a", 10, 0.9))).build());

        assertThat(prompt.budget().systemPromptTokens()).isEqualTo(prompt.systemPrompt().length());
        assertThat(prompt.budget().currentMessageTokens()).isEqualTo(prompt.humanMessage().length());
        assertThat(prompt.budget().totalTokens())
                .isEqualTo(prompt.systemPrompt().length() + prompt.humanMessage().length());
    }
}
