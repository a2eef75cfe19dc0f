package io.tzurot.core.reply;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.lorebook.activation.ActivatingLore;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.model.ChatModel;
import io.tzurot.core.model.ModelCallException;
import io.tzurot.core.model.ModelRequest;
import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.model.ModelStream;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.prompt.AssembledPrompt;
import io.tzurot.core.prompt.Attachment;
import io.tzurot.core.prompt.CurrentMessage;
import io.tzurot.core.prompt.HistoryEntry;
import io.tzurot.core.prompt.MemoryNote;
import io.tzurot.core.prompt.Placeholders;
import io.tzurot.core.prompt.PromptAssembler;
import io.tzurot.core.prompt.PromptRequest;
import io.tzurot.core.prompt.ReferencedMessage;
import io.tzurot.core.response.AttemptSettings;
import io.tzurot.core.response.CrossTurnDuplicateDetector;
import io.tzurot.core.response.DuplicateVerdict;
import io.tzurot.core.response.InadequacyAssessment;
import io.tzurot.core.response.InadequacyAssessor;
import io.tzurot.core.response.ModelReply;
import io.tzurot.core.response.PriorReply;
import io.tzurot.core.response.ProcessedResponse;
import io.tzurot.core.response.ReplyAttempt;
import io.tzurot.core.response.ReplyEmbeddings;
import io.tzurot.core.response.ReplyVector;
import io.tzurot.core.response.ResponsePostProcessor;
import io.tzurot.core.response.RetryDecision;
import io.tzurot.core.response.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply engine (DESIGN.md §5 step 3): resolve, describe attachments, load history, recall memories,
 * assemble the prompt inside the budget, call the model with the retry policy, post-process and judge the
 * answer (empty, inadequate, duplicate → another attempt), record the exchange, return the outcome. CPU
 * stages run on {@code cpu}; waiting for the model holds no thread.
 */
public final class GeneratingReply implements ReplyService {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratingReply.class);

    /** Collaborators, wired once in the app. */
    public record Parts(ResolvingReplyContext resolution, LoadingConversation conversation,
                        DescribingAttachments attachments, RecallingMemories memories, PromptAssembler assembler,
                        io.tzurot.core.personality.SystemPromptRepository systemPrompts, ChatModel chat,
                        ProviderAccess provider, RecordingExchange recording, UserReferences userReferences,
                        ReplyEmbeddings replyEmbeddings, ActivatingLore lore, FactsForReplies facts,
                        NotesForReplies notes) {

        public Parts {
            Objects.requireNonNull(userReferences, "userReferences");
            Objects.requireNonNull(replyEmbeddings, "replyEmbeddings");
            Objects.requireNonNull(lore, "lore");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(notes, "notes");
        }

        /** Parts without author's notes or user prompts stored. */
        public Parts(ResolvingReplyContext resolution, LoadingConversation conversation,
                     DescribingAttachments attachments, RecallingMemories memories, PromptAssembler assembler,
                     io.tzurot.core.personality.SystemPromptRepository systemPrompts, ChatModel chat,
                     ProviderAccess provider, RecordingExchange recording, UserReferences userReferences,
                     ReplyEmbeddings replyEmbeddings, ActivatingLore lore, FactsForReplies facts) {
            this(resolution, conversation, attachments, memories, assembler, systemPrompts, chat, provider, recording,
                    userReferences, replyEmbeddings, lore, facts, NotesForReplies.NONE);
        }

        /** Parts without memory facts. */
        public Parts(ResolvingReplyContext resolution, LoadingConversation conversation,
                     DescribingAttachments attachments, RecallingMemories memories, PromptAssembler assembler,
                     io.tzurot.core.personality.SystemPromptRepository systemPrompts, ChatModel chat,
                     ProviderAccess provider, RecordingExchange recording, UserReferences userReferences,
                     ReplyEmbeddings replyEmbeddings, ActivatingLore lore) {
            this(resolution, conversation, attachments, memories, assembler, systemPrompts, chat, provider, recording,
                    userReferences, replyEmbeddings, lore, FactsForReplies.NONE);
        }
    }

    private final Parts parts;
    private final PreparingTurn preparing;
    private final Executor cpu;
    private final Clock clock;
    private final RandomGenerator random;
    private final ReplyMetrics metrics;

    public GeneratingReply(Parts parts, Executor cpu, Clock clock, RandomGenerator random) {
        this(parts, cpu, clock, random, ReplyMetrics.NONE);
    }

    /** An engine that reports stage times and outcomes to {@code metrics}. */
    public GeneratingReply(Parts parts, Executor cpu, Clock clock, RandomGenerator random, ReplyMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.preparing = new PreparingTurn(parts.systemPrompts(), parts.conversation()::character,
                parts.conversation()::present);
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
        return reply(request, ReplyStream.NONE);
    }

    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
        Objects.requireNonNull(stream, "stream");
        Instant started = clock.instant();
        ReplyTurn turn = new ReplyTurn(new FlightLog(request, started, metrics), started,
                new ReplyLogContext(cpu, request.requestId()), stream);
        return CompletableFuture.supplyAsync(() -> resolve(request, turn), turn.cpu)
                .thenCompose(early -> early.isPresent() ? CompletableFuture.completedFuture(early.get()) : prepare(turn))
                .exceptionallyAsync(error -> internalFailure(request, turn, error), turn.cpu)
                .thenApply(this::counted);
    }

    private ReplyOutcome counted(ReplyOutcome outcome) {
        try {
            metrics.outcome(outcome);
        } catch (RuntimeException e) {
            LOG.warn("reply metrics failed: {}", e.toString()); // a metrics fault must never cost a reply
        }
        return outcome;
    }

    /** Resolution and the idempotency check; an outcome here ends the reply early. */
    private Optional<ReplyOutcome> resolve(ReplyRequest request, ReplyTurn turn) {
        ResolvingReplyContext.Resolution resolution = parts.resolution().resolve(request);
        turn.log.stage(ReplyStage.RESOLVE);
        if (resolution instanceof ResolvingReplyContext.Resolution.Refused refused) {
            turn.log.error(refused.outcome().userMessage(), refused.outcome().referenceId());
            return Optional.of(refused.outcome());
        }
        turn.context = ((ResolvingReplyContext.Resolution.Resolved) resolution).context();
        turn.users = parts.userReferences().scope(turn.context.personality().id(),
                turn.context.persona().persona().map(p -> p.id()));
        turn.log.context(turn.context);
        LoadingConversation.Loaded loaded = parts.conversation().loadForReply(turn.context, clock.instant(), turn.users);
        Optional<HistoryMessage> recorded = loaded.recordedReply();
        if (recorded.isPresent()) {
            // a redelivered job: the reply exists already; answer with it instead of generating (and storing) again
            String model = HistoryMetadata.read(recorded.get().metadataJson(), "model").orElse(turn.context.preset().model());
            return Optional.of(replied(turn, recorded.get().content(), Optional.empty(), model, List.of(), false));
        }
        turn.history = loaded.entries();
        turn.fromChannel = loaded.fromChannel();
        turn.log.stage(ReplyStage.HISTORY);
        return Optional.empty();
    }

    private CompletableFuture<ReplyOutcome> prepare(ReplyTurn turn) {
        ReplyRequest request = turn.context.request();
        CompletableFuture<List<Attachment>> current = parts.attachments().describe(request.attachments(), turn.context);
        List<CompletableFuture<List<Attachment>>> refs = request.references().stream()
                .map(r -> parts.attachments().describe(r.attachments(), turn.context)).toList();
        // the channel's newest images count against maxImages, newest first (spec/discord.md §1.7)
        List<ChannelImages.Pending> images = ChannelImages.newest(request.channelContext(), turn.fromChannel,
                turn.context.settings().maxImages());
        CompletableFuture<List<Attachment>> channelImages = parts.attachments().describe(
                images.stream().map(ChannelImages.Pending::image).toList(), turn.context);
        return current.thenCombine(CompletableFuture.allOf(refs.toArray(CompletableFuture[]::new)), (mine, all) -> mine)
                .thenCombine(channelImages, (mine, described) -> {
                    turn.history = ChannelImages.attach(turn.history, images, described);
                    return mine;
                })
                .thenApplyAsync(mine -> {
                    turn.log.stage(ReplyStage.ATTACHMENTS);
                    CurrentMessage message = PreparingTurn.current(turn.context, mine, turn.users);
                    List<ReferencedMessage> references = PreparingTurn.references(request.references(),
                            refs.stream().map(CompletableFuture::join).toList(), turn.users);
                    // in history before the model is asked, so a message sent meanwhile is answered knowing this one
                    turn.storedUser = RecordingExchange.storedUserContent(message);
                    parts.recording().recordUserTurn(turn.context, turn.storedUser, references);
                    RecallingMemories.Recall recall = parts.memories().recall(turn.context, turn.history, message,
                            references);
                    turn.log.recall(recall);
                    turn.log.stage(ReplyStage.MEMORY);
                    // built once (user references resolved once); a retry changes only the history budget factor
                    LoreActivation lore = lore(turn, message);
                    turn.log.lore(lore);
                    NotesForReplies.Turn notes = parts.notes().forTurn(turn.context);
                    turn.log.notes(notes.decision());
                    turn.request = preparing.request(turn.context, turn.history, message, references, recall.hits(),
                            turn.users, PreparingTurn.lore(lore)).withFacts(parts.facts().recall(turn.context))
                            .withNotes(NotesForReplies.withLore(notes.notes(), lore));
                    turn.prior = PriorReplies.start(turn, parts.replyEmbeddings());
                    turn.policy = new RetryPolicy(RetryPolicy.DEFAULT_MAX_ATTEMPTS, random);
                    return turn.policy.first();
                }, turn.cpu)
                .thenCompose(first -> attempt(turn, first));
    }

    /** The lorebook entries this turn fires; none (and a warning in the log) when the scan fails. */
    private LoreActivation lore(ReplyTurn turn, CurrentMessage message) {
        ReplyContext context = turn.context;
        try {
            return parts.lore().activate(context.personality().id(),
                    context.persona().persona().map(p -> p.id()).orElse(null), context.request().channelId(),
                    ActivatingLore.scope(context.request().channelId(), context.personality().id()),
                    PreparingTurn.loreMessages(turn.history, message), context.preset().contextWindowTokens());
        } catch (RuntimeException e) {
            LOG.warn("lorebook scan failed, replying without lore: {}", e.toString()); // lore must never cost a reply
            return LoreActivation.none();
        }
    }

    private CompletableFuture<ReplyOutcome> attempt(ReplyTurn turn, AttemptSettings settings) {
        turn.prompt = parts.assembler().assemble(turn.request.withHistoryBudgetFactor(settings.historyBudgetFactor()));
        ModelRequest request = ModelRequests.build(turn.context.preset(), turn.prompt, settings);
        turn.log.prompt(turn.prompt, request.parameters());
        turn.log.stage(ReplyStage.PROMPT);
        ModelStream pieces = turn.stream == ReplyStream.NONE ? ModelStream.NONE : streaming(turn);
        return parts.chat().generate(request, turn.context.credentials().apiKey(), Optional.of(parts.provider().baseUrl()),
                        pieces)
                .handleAsync((response, error) -> judge(turn, settings, response, error), turn.cpu)
                .thenCompose(next -> next);
    }

    /** The model stream of the next attempt, made with the first one. */
    private ModelStream streaming(ReplyTurn turn) {
        if (turn.streamed == null) {
            int longestName = Math.max(turn.context.personality().name().length(),
                    turn.context.personality().shownName().length());
            turn.streamed = new AttemptStream(turn.stream, postProcessor(turn.context, turn), longestName);
        }
        return turn.streamed.nextAttempt();
    }

    private ResponsePostProcessor postProcessor(ReplyContext context, ReplyTurn turn) {
        Placeholders names = Placeholders.forConversation(context.speakerName(), context.request().speaker().username(),
                context.personality().name(), context.personality().displayName());
        return new ResponsePostProcessor(
                List.of(context.personality().name(), context.personality().shownName()), names, turn.users::inOutput);
    }

    private CompletableFuture<ReplyOutcome> judge(ReplyTurn turn, AttemptSettings settings, ModelResponse response,
                                                  Throwable error) {
        turn.log.stage(ReplyStage.MODEL);
        if (error != null) {
            return CompletableFuture.completedFuture(modelFailure(turn, settings.attempt(), unwrap(error)));
        }
        ReplyContext context = turn.context;
        ResponsePostProcessor post = postProcessor(context, turn);
        ModelReply reply = new ModelReply(response.content(), response.reasoning(), response.finishReason(),
                response.usage().map(u -> OptionalInt.of(u.completionTokens())).orElse(OptionalInt.empty()),
                false, response.elapsed());
        ProcessedResponse processed = post.process(reply);
        InadequacyAssessment assessment = InadequacyAssessor.assess(reply, processed.content());
        if (assessment.inadequate()) {
            LOG.info("reply {} attempt {} looks inadequate (score {}: {})", context.request().requestId(),
                    settings.attempt(), assessment.score(), assessment.reasons());
        }
        ReplyEmbeddings embeddings = parts.replyEmbeddings();
        List<PriorReply> prior = PriorReplies.take(turn, embeddings);
        int number = settings.attempt();
        DuplicateVerdict duplicate = CrossTurnDuplicateDetector.check(processed.content(), prior, () -> {
            Optional<ReplyVector> vector = embeddings.embed(processed.content());
            vector.ifPresent(v -> turn.vectors.put(number, v)); // kept for the store if this attempt is delivered
            return vector;
        });
        ReplyAttempt attempt = new ReplyAttempt(settings.attempt(), processed, assessment, duplicate);
        turn.attempts.add(attempt);
        turn.responses.put(settings.attempt(), response);
        turn.log.attempt(attempt, response);
        turn.log.stage(ReplyStage.POSTPROCESS);
        RetryDecision decision = turn.policy.decide(turn.attempts);
        if (decision instanceof RetryDecision.Retry retry) {
            return attempt(turn, retry.next());
        }
        if (decision instanceof RetryDecision.Accept accept) {
            return CompletableFuture.completedFuture(accept(turn, accept));
        }
        return CompletableFuture.completedFuture(failed(turn, ReplyOutcome.FailureKind.EMPTY_RESPONSE,
                turn.context.personality().customErrorMessage()
                        .orElse("The model answered with nothing, three times. Please try again."), null));
    }

    private static String conversation(ReplyContext context) {
        return PriorReplies.conversation(context);
    }

    private ReplyOutcome modelFailure(ReplyTurn turn, int attemptNumber, Throwable error) {
        turn.log.failedAttempt(attemptNumber, String.valueOf(error.getMessage()));
        Optional<RetryDecision.Accept> fallback = turn.policy.fallbackAfterFailure(turn.attempts);
        if (fallback.isPresent()) {
            return accept(turn, fallback.get());
        }
        if (error instanceof ModelCallException call) {
            String message = turn.context.personality().customErrorMessage().orElse(call.error().userMessage());
            LOG.info("reply {} failed at the provider: {}", turn.context.request().requestId(), call.error().detail());
            return failed(turn, ReplyOutcome.FailureKind.MODEL_ERROR, message, call.error().detail(),
                    call.error().shownCategory());
        }
        throw new CompletionException(error);
    }

    private ReplyOutcome accept(ReplyTurn turn, RetryDecision.Accept accept) {
        ReplyContext context = turn.context;
        String content = accept.content();
        ModelResponse response = turn.responses.get(accept.attempt().number());
        String model = response == null ? context.preset().model() : response.modelUsed();
        Instant now = clock.instant();
        parts.recording().record(context, turn.storedUser, turn.prompt.contentForEmbedding(), content, model, now);
        try {
            parts.recording().recordUsage(ReplyUsage.of(turn, parts.provider(), model, now));
        } catch (RuntimeException e) {
            LOG.warn("usage of reply {} not logged: {}", context.request().requestId(), e.toString()); // never costs a reply
        }
        turn.log.stage(ReplyStage.RECORD);
        // after the exchange is stored and off the reply's path: the extraction runs on the background writer
        parts.facts().learn(context, turn.storedUser, content, model, parts.provider().baseUrl());
        // kept for the next turns' semantic check: the vector the check computed, else the text, embedded when needed
        parts.replyEmbeddings().keep(conversation(context), content,
                Optional.ofNullable(turn.vectors.get(accept.attempt().number())));
        List<ReplyOutcome.RecalledMemory> memories = new ArrayList<>();
        for (MemoryNote note : turn.prompt.includedMemories()) {
            memories.add(new ReplyOutcome.RecalledMemory(java.util.UUID.fromString(note.id()), note.score(),
                    FlightLog.preview(note.content())));
        }
        return replied(turn, content, accept.reasoning(), model, memories, accept.crossTurnDuplicate());
    }

    private ReplyOutcome replied(ReplyTurn turn, String content, Optional<String> reasoning, String model,
                                 List<ReplyOutcome.RecalledMemory> memories, boolean duplicate) {
        ReplyContext context = turn.context;
        boolean showThinking = Boolean.TRUE.equals(context.preset().parameters().showThinking());
        ReplyOutcome.Replied outcome = new ReplyOutcome.Replied(context.request().requestId(),
                Optional.of(context.card(false)), content, reasoning, showThinking, model, context.credentials().guestMode(),
                ReplyFooter.build(context, model, parts.provider().isOpenRouter()), memories, duplicate);
        turn.log.result(content);
        parts.recording().saveFlightRecord(turn.log.build());
        return outcome;
    }

    private ReplyOutcome failed(ReplyTurn turn, ReplyOutcome.FailureKind kind, String message, String detail) {
        return failed(turn, kind, message, detail, null);
    }

    private ReplyOutcome failed(ReplyTurn turn, ReplyOutcome.FailureKind kind, String message, String detail,
                                String category) {
        String reference = ReferenceIds.next();
        turn.log.error(detail == null ? message : detail, reference);
        parts.recording().saveFlightRecord(turn.log.build());
        if (turn.storedUser != null) {
            try {
                parts.recording().recordFailure(turn.context, turn.storedUser, message, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("failed turn {} not kept in history: {}", turn.context.request().requestId(), e.getMessage());
            }
        }
        return new ReplyOutcome.Failed(turn.context.request().requestId(), Optional.of(turn.context.card(false)), kind,
                message, reference, category);
    }

    private ReplyOutcome internalFailure(ReplyRequest request, ReplyTurn turn, Throwable error) {
        Throwable cause = unwrap(error);
        String reference = ReferenceIds.next();
        LOG.error("reply {} failed [{}]", request.requestId(), reference, cause);
        turn.log.error(cause.getClass().getSimpleName() + ": " + cause.getMessage(), reference);
        try {
            parts.recording().saveFlightRecord(turn.log.build());
        } catch (RuntimeException e) {
            LOG.warn("flight record of {} not saved: {}", request.requestId(), e.getMessage());
        }
        Optional<ReplyOutcome.PersonalityCard> card = Optional.ofNullable(turn.context).map(c -> c.card(false));
        String message = Optional.ofNullable(turn.context).flatMap(c -> c.personality().customErrorMessage())
                .orElse("Something went wrong on our side while answering. Reference: " + reference);
        return new ReplyOutcome.Failed(request.requestId(), card, ReplyOutcome.FailureKind.INTERNAL, message, reference);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
