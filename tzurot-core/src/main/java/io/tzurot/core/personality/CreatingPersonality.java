package io.tzurot.core.personality;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.text.TextRules;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a personality owned by the caller: name, slug, character info and traits are required; every
 * field passes {@link TextRules}; a taken slug is a conflict on {@code slug}.
 */
public final class CreatingPersonality {

    /** Longest own system prompt, in characters. */
    public static final int MAX_SYSTEM_PROMPT = 32_000;

    private final PersonalityRepository repository;
    private final Optional<SystemPromptRepository> systemPrompts;

    public CreatingPersonality(PersonalityRepository repository) {
        this(repository, Optional.empty());
    }

    /** @param systemPrompts stores a personality's own system prompt when one is given */
    public CreatingPersonality(PersonalityRepository repository, Optional<SystemPromptRepository> systemPrompts) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.systemPrompts = Objects.requireNonNull(systemPrompts, "systemPrompts");
    }

    /** Creates the personality the input describes. */
    public Personality create(Actor actor, PersonalityInput input) {
        return create(actor, input, null);
    }

    /** Creates it with its own system prompt ({@code systemPrompt} null or blank: the default one). */
    public Personality create(Actor actor, PersonalityInput input, String systemPrompt) {
        Objects.requireNonNull(actor, "actor");
        PersonalityDraft draft = PersonalityFields.draft(input.text(), input.slug(), input.isPublic());
        Optional<String> prompt = TextRules.optional("systemPrompt", systemPrompt, MAX_SYSTEM_PROMPT, TextRules.Lines.MULTI);
        if (prompt.isPresent() && systemPrompts.isEmpty()) {
            throw new IllegalStateException("no system prompt repository wired");
        }
        Personality created;
        try {
            created = repository.create(actor.userId(), draft);
        } catch (SlugTakenException e) {
            throw slugTaken(draft.slug());
        }
        prompt.ifPresent(text -> {
            SystemPrompt saved = systemPrompts.get().save(created.slug() + "-system", "system prompt of " + created.name(),
                    text, false);
            repository.setSystemPrompt(created.id(), saved.id());
        });
        return created;
    }

    static DomainException slugTaken(String slug) {
        return DomainException.conflict("slug", "The slug '" + slug + "' is already taken; choose another.");
    }
}
