package io.tzurot.core.summaries;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.retention.Sweep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarizes old memories in the background, a bounded number of conversation weeks per sweep: for each week with
 * enough memories older than the policy's age, the cheap model writes one summary, which is embedded and stored as a
 * memory that stands for the originals (they are kept, marked, and left out of searches while it stands). Runs as a
 * retention-style {@link Sweep} ({@link #SWEEP_NAME}), so a fleet runs it on one worker per period; the store claims
 * the originals in its transaction, so a second run never summarizes them twice. A group whose owner is incognito
 * with the character is skipped. Nothing the memories say is logged.
 */
public final class SummarizingMemories {

    private static final Logger LOG = LoggerFactory.getLogger(SummarizingMemories.class);
    /** The sweep's name (its fleet lock is {@code sweep:memory-summaries}). */
    public static final String SWEEP_NAME = "memory-summaries";

    /** What one sweep did (counts only). */
    public record Outcome(int summaries, int originals, int skipped) {
    }

    private final SummaryRepository repository;
    private final ChatModel chat;
    private final EmbeddingModel embeddings;
    private final SummaryTarget target;
    private final BiPredicate<UUID, UUID> incognito;
    private final SummaryPolicy policy;
    private final Duration modelTimeout;

    /**
     * @param incognito whether (owner, character) is in an incognito session now: such a conversation is not touched
     * @param modelTimeout how long one summary's model call may take before the group is left for the next sweep
     */
    public SummarizingMemories(SummaryRepository repository, ChatModel chat, EmbeddingModel embeddings,
                               SummaryTarget target, BiPredicate<UUID, UUID> incognito, SummaryPolicy policy,
                               Duration modelTimeout) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.target = Objects.requireNonNull(target, "target");
        this.incognito = Objects.requireNonNull(incognito, "incognito");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.modelTimeout = Objects.requireNonNull(modelTimeout, "modelTimeout");
    }

    /** This use case as a named sweep; its count is the number of summaries made. */
    public Sweep asSweep() {
        return new Sweep(SWEEP_NAME, now -> sweep(now).summaries());
    }

    /** Summarizes up to {@link SummaryPolicy#maxGroupsPerSweep} conversation weeks as of {@code now}. */
    public Outcome sweep(Instant now) {
        Instant cutoff = now.minus(policy.minAge());
        int made = 0;
        int originals = 0;
        int skipped = 0;
        int calls = 0;
        // more groups than calls: a group left alone (incognito, no key) must not hold back the ones behind it
        for (SummaryGroup group : repository.groups(cutoff, policy.minMemories(), policy.maxGroupsPerSweep() * 5)) {
            if (calls >= policy.maxGroupsPerSweep()) {
                break;
            }
            try {
                Attempt attempt = summarizeGroup(group, cutoff, now);
                calls += attempt.calledModel() ? 1 : 0;
                Optional<Integer> done = attempt.originals();
                if (done.isPresent()) {
                    made++;
                    originals += done.get();
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                calls++;
                skipped++;
                LOG.warn("memory summary for persona {} and character {} failed: {}", group.personaId(),
                        group.personalityId(), e.toString());
            }
        }
        if (made > 0 || skipped > 0) {
            LOG.info("memory summaries: {} made over {} memories, {} groups left for later", made, originals, skipped);
        }
        return new Outcome(made, originals, skipped);
    }

    /** Whether a group cost a model call, and how many originals its new summary stands for (empty: none made). */
    record Attempt(boolean calledModel, Optional<Integer> originals) {
        static final Attempt LEFT_ALONE = new Attempt(false, Optional.empty());
    }

    /** Summarizes one group. */
    Attempt summarizeGroup(SummaryGroup group, Instant cutoff, Instant now) {
        if (incognito.test(group.ownerId(), group.personalityId())) {
            return Attempt.LEFT_ALONE; // incognito: this conversation is not touched, not even summarized
        }
        List<Memory> found = repository.originals(group, cutoff, policy.maxOriginals());
        if (found.size() < policy.minMemories()) {
            return Attempt.LEFT_ALONE;
        }
        List<Memory> originals = fitting(found);
        Optional<SummaryTarget.Call> call = target.forConversation(group.ownerId(), group.personalityId());
        if (call.isEmpty()) {
            LOG.info("memory summary for persona {} skipped: no key pays for the model", group.personaId());
            return Attempt.LEFT_ALONE;
        }
        String answer;
        try {
            answer = chat.generate(SummaryPrompt.request(call.get().model(), originals), call.get().apiKey(),
                    call.get().baseUrl()).get(modelTimeout.toMillis(), TimeUnit.MILLISECONDS).content();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(true, Optional.empty());
        } catch (Exception e) {
            LOG.warn("memory summary for persona {}: the model failed ({}); left for the next sweep", group.personaId(),
                    e.getClass().getSimpleName());
            return new Attempt(true, Optional.empty());
        }
        Optional<NewSummary> summary = summary(group, originals, answer, now);
        if (summary.isEmpty()) {
            LOG.warn("memory summary for persona {}: unusable answer ({} chars); nothing stored", group.personaId(),
                    answer == null ? 0 : answer.length());
            return new Attempt(true, Optional.empty());
        }
        return new Attempt(true, repository.store(summary.get()) ? Optional.of(originals.size()) : Optional.empty());
    }

    /**
     * The summary of {@code originals} (oldest first) from the model's {@code answer}, embedded; empty when the answer
     * holds no usable summary. The CPU side of one summary (the bench measures it).
     */
    public Optional<NewSummary> summary(SummaryGroup group, List<Memory> originals, String answer, Instant now) {
        Optional<String> text = SummaryAnswer.read(answer);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = originals.stream().map(Memory::id).toList();
        UUID id = DeterministicIds.uuidV5(DeterministicIds.MEMORY_NAMESPACE, "summary:" + now.toEpochMilli() + ":"
                + DeterministicIds.sha256Hex(ids.stream().map(UUID::toString).collect(Collectors.joining(",")), 32));
        Memory last = originals.get(originals.size() - 1);
        return Optional.of(new NewSummary(id, group.personaId(), group.personalityId(), group.channelId(),
                last.guildId(), text.get(), embeddings.embed(text.get()), originals.get(0).createdAt(),
                last.createdAt(), ids, now));
    }

    /** The oldest originals whose text fits the policy's character budget (at least one). */
    private List<Memory> fitting(List<Memory> originals) {
        List<Memory> kept = new ArrayList<>();
        long chars = 0;
        for (Memory m : originals) {
            chars += m.content().length();
            if (!kept.isEmpty() && chars > policy.maxChars()) {
                break;
            }
            kept.add(m);
        }
        return kept;
    }
}
