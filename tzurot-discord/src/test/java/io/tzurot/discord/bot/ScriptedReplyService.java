package io.tzurot.discord.bot;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyOutcome.PersonalityCard;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A reply engine for tests: answers "{name}: {message}" with a model footer unless a script for the message
 * says otherwise, and can hold a reply back until the test releases it.
 */
final class ScriptedReplyService implements ReplyService {

    static final String FOOTER = "-# Model: [test/model](<https://openrouter.ai/test/model>)";

    private final PersonalityRepository personalities;
    private final List<ReplyRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<ReplyRequest, ReplyOutcome>> scripts = new ConcurrentHashMap<>();
    private final Map<Predicate<ReplyRequest>, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();

    ScriptedReplyService(PersonalityRepository personalities) {
        this.personalities = personalities;
    }

    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
        requests.add(request);
        Function<ReplyRequest, ReplyOutcome> script = scripts.getOrDefault(firstWord(request.message()), this::echo);
        ReplyOutcome outcome = script.apply(request);
        CompletableFuture<Void> hold = holds.entrySet().stream().filter(e -> e.getKey().test(request))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        // completing off the caller's thread, like the real engine
        return hold == null ? CompletableFuture.supplyAsync(() -> outcome) : hold.thenApplyAsync(v -> outcome);
    }

    /** Messages whose text starts with {@code word} get {@code script}'s outcome. */
    void script(String word, Function<ReplyRequest, ReplyOutcome> script) {
        scripts.put(word, script);
    }

    /** Replies to messages starting with {@code word} wait until the returned future is completed. */
    CompletableFuture<Void> hold(String word) {
        return holdWhen(r -> firstWord(r.message()).equals(word));
    }

    /** Replies to requests matching {@code condition} wait until the returned future is completed. */
    CompletableFuture<Void> holdWhen(Predicate<ReplyRequest> condition) {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        holds.put(condition, gate);
        return gate;
    }

    List<ReplyRequest> requests() {
        return List.copyOf(requests);
    }

    Optional<ReplyRequest> requestFor(long messageId) {
        return requests.stream().filter(r -> r.triggerMessageId().equals(Optional.of(Long.toString(messageId))))
                .findFirst();
    }

    ReplyOutcome.Replied replied(ReplyRequest request, String content) {
        return new ReplyOutcome.Replied(request.requestId(), Optional.of(card(request)), content, Optional.empty(),
                false, "test/model", false, Optional.of(FOOTER), List.of(), false);
    }

    ReplyOutcome.Failed failed(ReplyRequest request, String userMessage) {
        return new ReplyOutcome.Failed(request.requestId(), Optional.of(card(request)),
                ReplyOutcome.FailureKind.MODEL_ERROR, userMessage, "ref-1");
    }

    private ReplyOutcome echo(ReplyRequest request) {
        return replied(request, card(request).name() + ": " + request.message());
    }

    private PersonalityCard card(ReplyRequest request) {
        Personality p = personalities.findById(UUID.fromString(request.personality())).orElseThrow();
        return new PersonalityCard(p.id(), p.slug(), p.name(), p.displayName(), personalities.avatar(p.id()).isPresent());
    }

    private static String firstWord(String message) {
        String trimmed = message.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
