package io.tzurot.core.lorebook.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookRepository;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The keyword test panel's scan: which entries fire on a pasted text and why, for the book's owner only. */
class TestingLorebookTest {

    private final UUID owner = UUID.randomUUID();
    private final Lorebook book = new Lorebook(UUID.randomUUID(), owner, new LorebookContent("Moon", null, null, null,
            null, null, null, List.of(LoreFixtures.entry("1", "The moon is hollow.", "moon").build(),
            LoreFixtures.entry("2", "Tides.", "tide").secondary(2, "bath").build(),
            LoreFixtures.entry("3", "Always.").constant().build(),
            LoreFixtures.entry("4", "Never.", "moon").probability(0).build())), Instant.EPOCH, Instant.EPOCH);
    private final TestingLorebook testing = new TestingLorebook(repository(book), LoreFixtures.CHARS);

    /** A repository that knows one book; nothing else is called by the use case. */
    private static LorebookRepository repository(Lorebook only) {
        return (LorebookRepository) Proxy.newProxyInstance(LorebookRepository.class.getClassLoader(),
                new Class<?>[] {LorebookRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return Optional.of(only).filter(b -> b.id().equals(args[0]));
                    }
                    throw new AssertionError("unexpected call " + method.getName());
                });
    }

    @Test
    void tellsWhichEntriesFireAndWhy() {
        LoreActivation a = testing.test(new Actor(owner, "1", false), book.id(), "The moon pulls the tide in the bath.",
                null);
        assertThat(a.fired()).extracting(FiredEntry::entryId).containsExactlyInAnyOrder("1", "3");
        FiredEntry moon = a.fired().stream().filter(f -> f.entryId().equals("1")).findFirst().orElseThrow();
        assertThat(moon.reason()).isEqualTo(FiredEntry.Reason.KEY);
        assertThat(moon.matchedKey()).isEqualTo("moon");
        assertThat(a.budget()).isEqualTo(2048); // 25 % of the default 8,192-token window
        assertThat(testing.test(new Actor(owner, "1", false), book.id(), "A tide.", null).fired())
                .extracting(FiredEntry::entryId).containsExactlyInAnyOrder("2", "3");
    }

    @Test
    void onlyTheOwnerOrTheBotOwnerTestsABookAndBadInputIsNamed() {
        assertThatThrownBy(() -> testing.test(new Actor(UUID.randomUUID(), "2", false), book.id(), "moon", null))
                .isInstanceOf(DomainException.class).hasMessageContaining("not found");
        assertThat(testing.test(new Actor(UUID.randomUUID(), "3", true), book.id(), "moon", null).fired()).isNotEmpty();
        assertThatThrownBy(() -> testing.test(new Actor(owner, "1", false), book.id(), " ", null))
                .isInstanceOf(DomainException.class).hasMessageContaining("text");
        assertThatThrownBy(() -> testing.test(new Actor(owner, "1", false), book.id(), "x".repeat(20_001), null))
                .isInstanceOf(DomainException.class).hasMessageContaining("20000");
        assertThatThrownBy(() -> testing.test(new Actor(owner, "1", false), book.id(), "moon", 0))
                .isInstanceOf(DomainException.class).hasMessageContaining("context window");
    }
}
