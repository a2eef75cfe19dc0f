package io.tzurot.core.reply;

import io.tzurot.core.facts.ExtractingFacts;
import io.tzurot.core.facts.FactRepository;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.prompt.FactNote;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Memory facts in the reply engine: the facts a reply shows (the persona's facts with this character, or with
 * every character when the persona shares its memories; none without a persona or in focus mode), and the
 * extraction queued after an exchange is recorded (never when incognito). Neither may cost a reply: a failure is
 * logged and the reply goes on without facts.
 */
public final class FactsForReplies {

    /** The most facts a reply considers (those that fit their share of the window are shown). */
    static final int RECALL_LIMIT = 30;
    private static final Logger LOG = LoggerFactory.getLogger(FactsForReplies.class);

    /** No facts: nothing recalled, nothing extracted. */
    public static final FactsForReplies NONE = new FactsForReplies(Optional.empty(), Optional.empty());

    private final Optional<FactRepository> facts;
    private final Optional<ExtractingFacts> extracting;

    /** Facts recalled from {@code facts}; extraction by {@code extracting} when present (off otherwise). */
    public FactsForReplies(Optional<FactRepository> facts, Optional<ExtractingFacts> extracting) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.extracting = Objects.requireNonNull(extracting, "extracting");
    }

    /** The facts offered to the prompt, most important first. */
    List<FactNote> recall(ReplyContext context) {
        Optional<Persona> persona = context.persona().persona();
        if (facts.isEmpty() || persona.isEmpty() || context.settings().focusModeEnabled()) {
            return List.of();
        }
        try {
            return facts.get().inScope(persona.get().id(), scope(context, persona.get()), RECALL_LIMIT).stream()
                    .map(f -> new FactNote(f.id().toString(), f.content(), f.confidence(), f.locked())).toList();
        } catch (RuntimeException e) {
            LOG.warn("memory facts not recalled for {}: {}", context.request().requestId(), e.toString());
            return List.of();
        }
    }

    /** Queues the extraction of the recorded exchange (background; skipped when incognito or without a persona). */
    void learn(ReplyContext context, String userText, String reply, String model, String baseUrl) {
        Optional<Persona> persona = context.persona().persona();
        if (extracting.isEmpty() || persona.isEmpty() || context.request().incognito()) {
            return;
        }
        extracting.get().submit(new ExtractingFacts.Exchange(context.request().requestId(), persona.get().id(),
                context.personality().id(), scope(context, persona.get()), context.speakerName(),
                context.personality().shownName(), userText, reply, context.credentials().apiKey(),
                Optional.ofNullable(baseUrl), model));
    }

    private static PersonalityScope scope(ReplyContext context, Persona persona) {
        return persona.shareLtmAcrossPersonalities() ? PersonalityScope.across()
                : PersonalityScope.only(context.personality().id());
    }
}
