package io.tzurot.core.personality;

import io.tzurot.core.failure.DomainException;
import java.util.List;
import java.util.Locale;

/** Slug rules as use cases apply them: {@link SlugValidator}'s checks, reported as an invalid {@code slug}. */
public final class Slugs {

    private Slugs() {
    }

    /** The trimmed slug, or an invalid-field error listing what is wrong with it. */
    public static String require(String raw) {
        String slug = raw == null ? "" : raw.strip();
        List<String> problems = SlugValidator.problems(slug);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("slug", "'slug' is invalid: " + String.join("; ", problems)
                    + " (e.g. 'ada-lovelace').");
        }
        return slug;
    }

    /** A slug made from a name: lowercase letters, digits and single hyphens, starting with a letter, 3-50 long. */
    public static String fromName(String name) {
        String slug = (name == null ? "" : name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        slug = slug.replaceFirst("^[0-9-]+", "");
        if (slug.length() < 3) {
            slug = (slug + "-character").replaceFirst("^-", "");
        }
        slug = slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug;
        return SlugValidator.RESERVED.contains(slug) ? slug + "-character" : slug;
    }
}
