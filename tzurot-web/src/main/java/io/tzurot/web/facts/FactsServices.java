package io.tzurot.web.facts;

import io.tzurot.core.facts.ManagingFacts;
import io.tzurot.core.personality.PersonalityRepository;
import java.util.Objects;

/** What the facts routes and page call: the rule ({@link ManagingFacts}) and the characters' names. */
public record FactsServices(ManagingFacts facts, PersonalityRepository personalities) {
    public FactsServices {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(personalities, "personalities");
    }
}
