package io.tzurot.core.facts;

import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.ModelRequest;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts durable facts from one exchange, after the reply is delivered and off its path: the cheap model of
 * the facts preset (else the reply's own model) reads the known facts and the exchange and answers with
 * add/replace/remove lines ({@link FactAnswer}); the changes are applied in one transaction, never to a locked
 * fact. A failing model or an answer that cannot be read stores nothing and is logged.
 */
public final class ExtractingFacts {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractingFacts.class);
    /** The most known facts shown to the extraction model. */
    public static final int KNOWN_LIMIT = 40;

    /**
     * One exchange to learn from.
     *
     * @param scope which facts of the persona the reply saw (all characters' when the persona shares memories)
     * @param baseUrl the provider the reply used
     */
    public record Exchange(String requestId, UUID personaId, UUID personalityId, PersonalityScope scope,
                           String userName, String characterName, String userText, String reply, String apiKey,
                           Optional<String> baseUrl, String replyModel) {
        public Exchange {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(personaId, "personaId");
            Objects.requireNonNull(personalityId, "personalityId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(apiKey, "apiKey");
        }
    }

    /** What one extraction did. */
    public record Outcome(int changed, boolean understood) {
    }

    private final FactRepository facts;
    private final ChatModel chat;
    private final Supplier<Optional<String>> factsModel;
    private final Executor background;
    private final Clock clock;

    /**
     * @param factsModel the model of the facts preset, read at each extraction (empty: the reply's model)
     * @param background where extraction runs (the engine's background writer), never the reply's threads
     */
    public ExtractingFacts(FactRepository facts, ChatModel chat, Supplier<Optional<String>> factsModel,
                           Executor background, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.factsModel = Objects.requireNonNull(factsModel, "factsModel");
        this.background = Objects.requireNonNull(background, "background");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues the extraction; it never fails the caller (a full queue or a stopping engine skips it). */
    public void submit(Exchange exchange) {
        try {
            background.execute(() -> extract(exchange).exceptionally(e -> {
                LOG.warn("fact extraction for {} failed: {}", exchange.requestId(), e.toString());
                return new Outcome(0, false);
            }));
        } catch (RejectedExecutionException e) {
            LOG.info("fact extraction for {} skipped: the engine is stopping", exchange.requestId());
        }
    }

    /** Asks the model and applies its answer; completes with what changed. */
    public CompletableFuture<Outcome> extract(Exchange exchange) {
        List<MemoryFact> known = facts.inScope(exchange.personaId(), exchange.scope(), KNOWN_LIMIT);
        String model = factsModel.get().filter(m -> !m.isBlank()).orElse(exchange.replyModel());
        ModelRequest request = FactExtractionPrompt.request(model, known, exchange.userName(), exchange.characterName(),
                exchange.userText(), exchange.reply());
        return chat.generate(request, exchange.apiKey(), exchange.baseUrl())
                .thenApplyAsync(response -> apply(exchange, known, response.content()), background);
    }

    /** Reads the model's {@code answer} and applies it; the CPU side of an extraction (the bench measures it). */
    public Outcome apply(Exchange exchange, List<MemoryFact> known, String answer) {
        FactAnswer.Parsed parsed = FactAnswer.parse(answer, known);
        if (!parsed.understood()) {
            // the answer itself is not logged: it may quote the user
            LOG.warn("fact extraction for {}: unreadable answer ({} chars, {} lines ignored); nothing stored",
                    exchange.requestId(), answer == null ? 0 : answer.length(), parsed.ignoredLines());
            return new Outcome(0, false);
        }
        if (parsed.changes().isEmpty()) {
            return new Outcome(0, true);
        }
        int changed = facts.apply(exchange.personaId(), exchange.personalityId(), parsed.changes(),
                MemoryFact.exchangeSource(exchange.requestId()), clock.instant());
        LOG.debug("fact extraction for {}: {} ({} rows changed)", exchange.requestId(),
                FactAnswer.kinds(parsed.changes()), changed);
        return new Outcome(changed, true);
    }
}
