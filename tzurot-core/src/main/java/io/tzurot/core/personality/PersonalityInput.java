package io.tzurot.core.personality;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a person asks a personality to be, before any check: raw text by field name (see
 * {@link PersonalityFields#TEXT}; absent, null or blank optional fields are unset), the slug and the visibility.
 * Use cases validate it; faces only translate their form into it.
 */
public record PersonalityInput(Map<String, String> text, String slug, boolean isPublic) {

    public PersonalityInput {
        // a copy that allows null values (null clears an optional field)
        text = Collections.unmodifiableMap(new HashMap<>(Objects.requireNonNull(text, "text")));
    }

    /** An empty input for a new personality. */
    public static PersonalityInput blank() {
        return new PersonalityInput(Map.of(), null, false);
    }

    /** The input that describes {@code p} as it is. */
    public static PersonalityInput of(Personality p) {
        Map<String, String> text = new HashMap<>();
        PersonalityFields.TEXT.forEach(f -> text.put(f.name(), f.read().apply(p)));
        return new PersonalityInput(text, p.slug(), p.isPublic());
    }

    /** The raw value of a text field, or null. */
    public String get(String field) {
        return text.get(field);
    }

    /** A copy with one text field set (null or "" clears an optional field). */
    public PersonalityInput with(String field, String value) {
        PersonalityFields.field(field);
        Map<String, String> copy = new HashMap<>(text);
        copy.put(field, value);
        return new PersonalityInput(copy, slug, isPublic);
    }

    public PersonalityInput withSlug(String newSlug) {
        return new PersonalityInput(text, newSlug, isPublic);
    }

    public PersonalityInput withPublic(boolean visible) {
        return new PersonalityInput(text, slug, visible);
    }
}
