package io.tzurot.core.text;

import io.tzurot.core.failure.DomainException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Words hidden behind Discord spoiler bars ({@code ||word||}) in voice transcripts the bot posts (issue 15 item 8):
 * whole words, case-insensitive, keeping the words' own spelling. Markdown is not broken: text inside code spans or
 * blocks, inside existing spoilers and inside links (URLs) is left as it is.
 */
public final class SpoilerWords {

    /** An empty list: nothing is hidden. */
    public static final SpoilerWords NONE = new SpoilerWords(List.of());

    /** Longest word (or phrase) accepted, and most of them. */
    public static final int MAX_WORD = 100;
    public static final int MAX_WORDS = 500;

    // code blocks, inline code, spoilers, markdown links and bare URLs are copied untouched
    private static final Pattern PROTECTED = Pattern.compile(
            "```[\\s\\S]*?```|`[^`\\n]+`|\\|\\|[\\s\\S]*?\\|\\||\\[[^\\]\\n]*]\\([^)\\s]+\\)|<?https?://\\S+");

    private final List<String> words;
    private final Pattern pattern;

    private SpoilerWords(List<String> words) {
        this.words = List.copyOf(words);
        // longer words first, so "ice cream" wins over "ice"; \b-like edges that work beside non-ASCII letters and markdown (_italics_)
        this.pattern = words.isEmpty() ? null : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The list from a comma-separated value (blank = none); each entry is trimmed, duplicates (ignoring case)
     * dropped. An entry longer than {@value #MAX_WORD} characters, containing {@code |} or a line break, or more than
     * {@value #MAX_WORDS} entries, is an invalid {@code field}.
     */
    public static SpoilerWords parse(String field, String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> words = new ArrayList<>();
        for (String raw : commaSeparated.split(",")) {
            String word = raw.strip();
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > MAX_WORD || word.contains("|") || word.contains("\n")) {
                throw DomainException.invalid(field, "each word must be 1-" + MAX_WORD
                        + " characters without '|' or line breaks; got '" + abbreviate(word) + "'");
            }
            if (seen.add(word.toLowerCase(Locale.ROOT))) {
                words.add(word);
            }
        }
        if (words.size() > MAX_WORDS) {
            throw DomainException.invalid(field, "at most " + MAX_WORDS + " words, got " + words.size());
        }
        return new SpoilerWords(words);
    }

    /** The words, as configured. */
    public List<String> words() {
        return words;
    }

    /** {@code text} with every listed word wrapped in spoiler bars, outside code, spoilers and links. */
    public String apply(String text) {
        if (pattern == null || text == null || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher kept = PROTECTED.matcher(text);
        int from = 0;
        while (kept.find()) {
            out.append(wrap(text.substring(from, kept.start())));
            out.append(kept.group());
            from = kept.end();
        }
        return out.append(wrap(text.substring(from))).toString();
    }

    private String wrap(String plain) {
        return pattern.matcher(plain).replaceAll(m -> "||" + Matcher.quoteReplacement(m.group()) + "||");
    }

    private static String abbreviate(String word) {
        String flat = word.replace("\n", " ");
        return flat.length() <= 30 ? flat : flat.substring(0, 29) + "…";
    }

    @Override
    public String toString() {
        return "SpoilerWords" + Arrays.toString(words.toArray());
    }
}
