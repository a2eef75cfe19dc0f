package io.tzurot.core.personality;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates personality slugs (spec §4): what may appear in {@code @slug} mentions and URLs. */
public final class SlugValidator {

    /** Slugs that collide with commands and routes. */
    public static final Set<String> RESERVED = Set.of(
            "admin", "system", "default", "api", "bot", "help", "settings", "config", "me", "user", "users");

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]*");

    private SlugValidator() {
    }

    /** Every problem with {@code slug}, as readable sentences; empty when it is valid. */
    public static List<String> problems(String slug) {
        List<String> problems = new ArrayList<>();
        if (slug == null || slug.isEmpty()) {
            problems.add("slug is required");
            return problems;
        }
        if (slug.length() < 3 || slug.length() > 50) {
            problems.add("slug must be 3-50 characters");
        }
        if (!SHAPE.matcher(slug).matches()) {
            problems.add("slug must start with a lowercase letter and contain only lowercase letters, digits and hyphens");
        }
        if (slug.endsWith("-")) {
            problems.add("slug must not end with a hyphen");
        }
        if (slug.contains("--")) {
            problems.add("slug must not contain consecutive hyphens");
        }
        if (RESERVED.contains(slug)) {
            problems.add("slug '" + slug + "' is reserved");
        }
        return problems;
    }

    public static boolean isValid(String slug) {
        return problems(slug).isEmpty();
    }
}
