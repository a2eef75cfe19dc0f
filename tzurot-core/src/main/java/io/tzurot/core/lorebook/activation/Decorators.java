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
 */
record Decorators(String content, boolean activate, boolean dontActivate, Integer depth, LoreRole role,
                  Integer scanDepth, List<List<String>> additionalKeys, List<String> excludeKeys) {

    /** Parses the leading {@code @@} lines of {@code content}. */
    static Decorators parse(String content) {
        if (!content.startsWith("@@")) {
            return new Decorators(content, false, false, null, null, null, List.of(), List.of());
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
                List.copyOf(b.additional), List.copyOf(b.exclude));
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
                default -> {
                    return false;
                }
            }
            return switch (name) {
                case "depth" -> depth != null;
                case "role" -> role != null;
                case "scan_depth" -> scanDepth != null;
                case "exclude_keys" -> !exclude.isEmpty();
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
