package io.tzurot.ai.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.prompt.AssembledPrompt;
import io.tzurot.core.prompt.ChatLocation;
import io.tzurot.core.prompt.CurrentMessage;
import io.tzurot.core.prompt.HistoryEntry;
import io.tzurot.core.prompt.MemoryNote;
import io.tzurot.core.prompt.Participant;
import io.tzurot.core.prompt.PromptAssembler;
import io.tzurot.core.prompt.PromptPersonality;
import io.tzurot.core.prompt.PromptRequest;
import io.tzurot.core.prompt.Protocol;
import io.tzurot.core.prompt.ReferencedMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The assembler counts the system prompt piece by piece (so repeated pieces are counted once); with cl100k the
 * sum must equal counting the whole prompt, whatever the content next to the piece boundaries.
 */
class PromptTokenSumTest {

    private static final Instant NOW = Instant.parse("2025-01-28T02:15:00Z");
    private static final String ARI = "6f1c0000-0000-5000-8000-000000000001";
    private static final String[] WORDS = {"harbour", "map", "  ", "\n", "\n\n", ">", "<", "&", "\"", "'s", "42",
        "1234567", "✨", "日本語", "Ünïcödé", " ", "\t", "...", "</message>", "<message>", "}", "{user}", ")", "?!"};

    private final TiktokenCounter memoised = new TiktokenCounter();
    private final PromptAssembler assembler = new PromptAssembler(memoised, Clock.fixed(NOW, ZoneOffset.UTC));

    private static String noise(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            out.append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextBoolean()) {
                out.append(' ');
            }
        }
        return out.toString();
    }

    private static PromptRequest request(Random random) {
        List<HistoryEntry> history = new ArrayList<>();
        int messages = random.nextInt(12);
        for (int i = 0; i < messages; i++) {
            Instant at = NOW.minusSeconds(600L * (messages - i));
            history.add(i % 2 == 0 ? HistoryEntry.user(ARI, "Ari", at, noise(random, 1 + random.nextInt(15)), OptionalInt.empty())
                    : HistoryEntry.assistant("Lilith", at, noise(random, 1 + random.nextInt(15)), OptionalInt.empty()));
        }
        List<MemoryNote> memories = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            memories.add(new MemoryNote("m" + i, noise(random, 1 + random.nextInt(10)),
                    Optional.of(NOW.minusSeconds(86_400L * 40 * i)), 0.5 + i / 20.0));
        }
        List<ReferencedMessage> references = random.nextBoolean() ? List.of() : List.of(new ReferencedMessage(
                Optional.of("111"), "Bo", "bo", Optional.of(NOW.minusSeconds(90)), noise(random, 6), List.of(), List.of(),
                false));
        Protocol protocol = random.nextBoolean() ? new Protocol.Raw(noise(random, 8))
                : new Protocol.Structured(List.of(noise(random, 3)), List.of(), List.of(noise(random, 2)));
        PromptRequest.Builder builder = new PromptRequest.Builder();
        int place = random.nextInt(3);
        if (place == 1) {
            builder.location(new ChatLocation.DirectMessage());
        } else if (place == 2) {
            builder.location(new ChatLocation.GuildChannel("srv " + noise(random, 2), Optional.of(noise(random, 2)),
                    "general" + noise(random, 1), "text", Optional.of(noise(random, 3)), Optional.empty()));
        }
        return builder
                .personality(new PromptPersonality("Lilith", "Lilith", noise(random, 8), noise(random, 3), "", "", "",
                        noise(random, 2), "", "", ""))
                .protocol(protocol).userZone(ZoneId.of("America/New_York")).requestId("req-" + random.nextInt(1000))
                .current(new CurrentMessage(ARI, "Ari", Optional.of("ari_maps"), noise(random, 5), List.of()))
                .participants(List.of(new Participant(ARI, "Ari", "they/them", noise(random, 4), true, Optional.empty())))
                .history(history).memories(memories).references(references).build();
    }

    @Test
    void pieceSumsEqualCountingTheWholePrompt() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            AssembledPrompt prompt = assembler.assemble(request(random));
            int whole = new TiktokenCounter().count(prompt.systemPrompt());
            assertThat(prompt.budget().systemPromptTokens()).as("prompt %d:%n%s", i, prompt.systemPrompt())
                    .isEqualTo(whole);
        }
    }

    @Test
    void baseCountIsThePromptWithoutMemoriesAndHistory() {
        Random random = new Random(11);
        PromptRequest full = request(random);
        PromptRequest.Builder builder = new PromptRequest.Builder();
        full.location().ifPresent(builder::location);
        PromptRequest bare = builder.personality(full.personality()).protocol(full.protocol())
                .userZone(full.userZone()).requestId(full.requestId()).current(full.current())
                .participants(full.participants()).references(full.references()).build();
        AssembledPrompt prompt = assembler.assemble(full);
        assertThat(prompt.budget().baseSystemTokens())
                .isEqualTo(new TiktokenCounter().count(assembler.assemble(bare).systemPrompt()));
    }
}
