package io.tzurot.core.notes;

import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.prompt.TokenCounter;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Use case: a user's own system-prompt additions, one for every character and one per character; only the user
 * edits theirs. A reply shows both (the all-characters one first). Over {@link NoteLimits#MAX_USER_PROMPT_TOKENS}
 * tokens is refused at save time, never cut.
 */
public final class EditingUserPrompts {

    /** A prompt, the slug of its character (empty: all characters) and its tokens. */
    public record Shown(UserPrompt prompt, Optional<String> slug, int tokens) {
    }

    private final UserPromptRepository prompts;
    private final ViewingPersonalities personalities;
    private final PersonalityRepository byId;
    private final TokenCounter tokens;
    private final Clock clock;

    public EditingUserPrompts(UserPromptRepository prompts, ViewingPersonalities personalities,
                              PersonalityRepository byId, TokenCounter tokens, Clock clock) {
        this.prompts = Objects.requireNonNull(prompts, "prompts");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.byId = Objects.requireNonNull(byId, "byId");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Sets the caller's prompt for {@code slug} (a character they may see) or, empty, for every character. */
    public Shown set(Actor actor, Optional<String> slug, String content) {
        Optional<Personality> p = character(actor, slug);
        UserPrompt prompt = new UserPrompt(actor.userId(), p.map(Personality::id),
                NoteLimits.text("content", content, NoteLimits.MAX_USER_PROMPT_TOKENS, tokens), clock.instant());
        prompts.save(prompt);
        return new Shown(prompt, p.map(Personality::slug), tokens.count(prompt.content()));
    }

    /** The caller's prompt; empty when none is set. */
    public Optional<Shown> show(Actor actor, Optional<String> slug) {
        Optional<Personality> p = character(actor, slug);
        return prompts.find(actor.userId(), p.map(Personality::id))
                .map(u -> new Shown(u, p.map(Personality::slug), tokens.count(u.content())));
    }

    /** Removes the caller's prompt; false when none was set. */
    public boolean clear(Actor actor, Optional<String> slug) {
        Optional<Personality> p = character(actor, slug);
        return prompts.delete(actor.userId(), p.map(Personality::id));
    }

    /** Every prompt of the caller, the all-characters one first. */
    public List<Shown> mine(Actor actor) {
        return prompts.ofUser(actor.userId()).stream().map(u -> new Shown(u, u.personalityId().flatMap(byId::findById)
                .map(Personality::slug), tokens.count(u.content()))).toList();
    }

    private Optional<Personality> character(Actor actor, Optional<String> slug) {
        Objects.requireNonNull(actor, "actor");
        return Objects.requireNonNullElse(slug, Optional.<String>empty()).filter(s -> !s.isBlank())
                .map(s -> personalities.visible(actor, s));
    }

    /** The key a prompt of {@code userId} is stored under (for tests and storage). */
    static String key(UUID userId, Optional<UUID> personalityId) {
        return NoteScope.userKey(userId, personalityId);
    }
}
