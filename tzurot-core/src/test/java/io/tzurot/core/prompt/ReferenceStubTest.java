package io.tzurot.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reference already in the chat log becomes a stub (spec/discord.md §1.9): the same platform id, or a bot's or
 * webhook's post younger than 60 s with a stored turn within 15 s of it.
 */
class ReferenceStubTest {

    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    private static ReferencedMessage reference(String id, boolean automated, Instant sentAt) {
        return new ReferencedMessage(Optional.of(id), "Ada", "", Optional.of(sentAt), "The tide turns at midnight.",
                List.of(), List.of(), false, automated);
    }

    @Test
    void theSamePlatformIdIsInHistory() {
        assertThat(QuoteFormatter.isInHistory(reference("42", false, NOW.minusSeconds(3600)), Set.of("42"), List.of(),
                NOW)).isTrue();
    }

    @Test
    void aRecentBotPostNearAStoredTurnIsInHistoryEvenBeforeItsIdIsStored() {
        Instant posted = NOW.minusSeconds(20);
        List<Instant> turns = List.of(posted.minusSeconds(10));

        assertThat(QuoteFormatter.isInHistory(reference("43", true, posted), Set.of(), turns, NOW)).isTrue();
        // a person's message is never matched by time
        assertThat(QuoteFormatter.isInHistory(reference("43", false, posted), Set.of(), turns, NOW)).isFalse();
        // more than 15 s from any stored turn
        assertThat(QuoteFormatter.isInHistory(reference("43", true, posted), Set.of(), List.of(posted.minusSeconds(16)),
                NOW)).isFalse();
        // older than 60 s: only the id counts
        Instant old = NOW.minusSeconds(61);
        assertThat(QuoteFormatter.isInHistory(reference("43", true, old), Set.of(), List.of(old), NOW)).isFalse();
    }

    @Test
    void aStubShowsAShortHeadNotTheWholeMessage() {
        String text = "x".repeat(300);
        ReferencedMessage long_ = new ReferencedMessage(Optional.of("44"), "Ada", "", Optional.empty(), text, List.of(),
                List.of(), false, true);

        String quote = QuoteFormatter.quote(long_, java.util.OptionalInt.of(1), true, NOW, java.time.ZoneOffset.UTC);

        assertThat(quote).contains("x".repeat(100) + "...").doesNotContain("x".repeat(101));
    }
}
