package io.tzurot.core.lorebook.activation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The V3 decorators at the top of an entry's content (cards.md §7) that the scan understands, and the content
 * with them removed. Unknown decorators and bad values are ignored; a {@code @@@} fallback line counts only when the
 * decorator above it was not used.
 *
 * @param content        the content without its decorator lines
 * @param activate       {@code @@activate}: always fires (after the enabled, timing and recursion checks)
 * @param dontActivate   {@code @@dont_activate}: never fires unless {@code @@activate} is also there
 * @param depth          {@code @@depth N}: placed N messages from the end, or null
 * @param role           {@code @@role R} for a depth placement, or null
 * @param scanDepth      {@code @@scan_depth N}, or null
 * @param additionalKeys {@code @@additional_keys}: each group needs one of its keys present as well
 * @param excludeKeys    {@code @@exclude_keys}: not a match when any is present
 * @param reverseDepth   {@code @@reverse_depth N}: placed N messages from the start, or null
 * @param position       {@code @@position P}: a slot of the character definition, or null (it beats a depth)
 * @param onlyAfter      {@code @@activate_only_after N}: not before the character's N-th turn, or null
 * @param onlyEvery      {@code @@activate_only_every N}: only on turns that are a multiple of N, or null
 * @param keepAfterMatch {@code @@keep_activate_after_match}: once fired, active for the rest of the chat
 * @param dontAfterMatch {@code @@dont_activate_after_match}: once fired, never again
 * @param ignoreOnMaxContext {@code @@ignore_on_max_context}: left out, without ending the scan, when it would overflow
 */
record Decorators(String content, boolean activate, boolean dontActivate, Integer depth, LoreRole role,
                  Integer scanDepth, List<List<String>> additionalKeys, List<String> excludeKeys,
                  Integer reverseDepth, LorePosition position, Integer onlyAfter, Integer onlyEvery,
                  boolean keepAfterMatch, boolean dontAfterMatch, boolean ignoreOnMaxContext) {

    /** Content without decorators. */
    private static Decorators plain(String content) {
        return new Decorators(content, false, false, null, null, null, List.of(), List.of(), null, null, null, null,
                false, false, false);
    }

    /** Whether a turn condition ({@code activate_only_after/every}) keeps the entry out on {@code turn}. */
    boolean turnExcludes(long turn) {
        return (onlyAfter != null && turn < onlyAfter) || (onlyEvery != null && turn % onlyEvery != 0);
    }

    /** Parses the leading {@code @@} lines of {@code content}. */
    static Decorators parse(String content) {
        if (!content.startsWith("@@")) {
            return plain(content);
        }
        Builder b = new Builder();
        String[] lines = content.split("\n", -1);
        int i = 0;
        boolean previousUsed = true;
        for (; i < lines.length && lines[i].startsWith("@@"); i++) {
            String line = lines[i].strip();
            if (line.startsWith("@@@")) {
                if (!previousUsed) {
                    previousUsed = b.apply(line.substring(3));
                }
                continue;
            }
            previousUsed = b.apply(line.substring(2));
        }
        // the decorator lines and the blank lines right after them are not content
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        String rest = String.join("\n", java.util.Arrays.asList(lines).subList(i, lines.length));
        return new Decorators(rest, b.activate, b.dontActivate, b.depth, b.role, b.scanDepth,
                List.copyOf(b.additional), List.copyOf(b.exclude), b.reverseDepth, b.position, b.onlyAfter,
                b.onlyEvery, b.keepAfterMatch, b.dontAfterMatch, b.ignoreOnMaxContext);
    }

    /** Collects decorators; each one but {@code additional_keys} counts the first time only. */
    private static final class Builder {
        private final Set<String> seen = new HashSet<>();
        private boolean activate;
        private boolean dontActivate;
        private Integer depth;
        private LoreRole role;
        private Integer scanDepth;
        private final List<List<String>> additional = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private Integer reverseDepth;
        private LorePosition position;
        private Integer onlyAfter;
        private Integer onlyEvery;
        private boolean keepAfterMatch;
        private boolean dontAfterMatch;
        private boolean ignoreOnMaxContext;

        /** Applies {@code name [value]}; true when it was understood and used. */
        boolean apply(String text) {
            int space = text.indexOf(' ');
            String name = (space < 0 ? text : text.substring(0, space)).strip();
            String value = space < 0 ? "" : text.substring(space + 1).strip();
            if (!name.equals("additional_keys") && seen.contains(name)) {
                return false;
            }
            boolean used = use(name, value);
            if (used) {
                seen.add(name); // a decorator with a bad value does not count, so a fallback may still set it
            }
            return used;
        }

        private boolean use(String name, String value) {
            switch (name) {
                case "activate" -> activate = true;
                case "dont_activate" -> dontActivate = true;
                case "depth" -> depth = number(value);
                case "role" -> role = LoreRole.named(value);
                case "scan_depth" -> scanDepth = number(value);
                case "additional_keys" -> {
                    List<String> keys = list(value);
                    if (!keys.isEmpty()) {
                        additional.add(keys);
                    }
                    return !keys.isEmpty();
                }
                case "exclude_keys" -> exclude.addAll(list(value));
                case "reverse_depth" -> reverseDepth = number(value);
                case "position" -> position = slot(value);
                case "activate_only_after" -> onlyAfter = number(value);
                case "activate_only_every" -> {
                    Integer n = number(value);
                    onlyEvery = n != null && n > 0 ? n : null;
                }
                case "keep_activate_after_match" -> keepAfterMatch = true;
                case "dont_activate_after_match" -> dontAfterMatch = true;
                case "ignore_on_max_context" -> ignoreOnMaxContext = true;
                default -> {
                    // instruct_* (text-completion prompts), is_greeting, is_user_icon and disable_ui_prompt have
                    // nothing to act on here: replies are chat prompts without greetings or user icons, so they
                    // are ignored like unknown ones and a @@@ fallback below them applies
                    return false;
                }
            }
            return switch (name) {
                case "depth" -> depth != null;
                case "role" -> role != null;
                case "scan_depth" -> scanDepth != null;
                case "exclude_keys" -> !exclude.isEmpty();
                case "reverse_depth" -> reverseDepth != null;
                case "position" -> position != null;
                case "activate_only_after" -> onlyAfter != null;
                case "activate_only_every" -> onlyEvery != null;
                default -> true;
            };
        }

        private static Integer number(String value) {
            try {
                int n = Integer.parseInt(value);
                return n >= 0 ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** The card slots of {@code @@position}: before the description, or after it (personality, scenario too). */
        private static LorePosition slot(String value) {
            return switch (value) {
                case "before_desc" -> LorePosition.BEFORE_CHARACTER;
                case "after_desc", "personality", "scenario" -> LorePosition.AFTER_CHARACTER;
                default -> null;
            };
        }

        private static List<String> list(String value) {
            List<String> out = new ArrayList<>();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
            return out;
        }
    }
}
