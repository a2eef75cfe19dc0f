package io.tzurot.core.discord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code @Name} mentions of characters in message text: names of up to four words, at most ten
 * candidates per message (so one message cannot trigger unbounded lookups), the longest name winning
 * at each mention.
 */
public final class MentionParser {

    /** The most words a character name may have to be matched. */
    public static final int MAX_WORDS = 4;
    /** The most candidate names looked up for one message. */
    public static final int MAX_CANDIDATES = 10;

    private static final String TRAILING = "[.,!?;:)\"'*_~|]+$";
    /** Where a mention ends: punctuation, another mention, any (Unicode) whitespace, the end, as {@link #candidates} reads them. */
    private static final String ENDING = "(?=[.,!?;:)\"'*_~|@]|\\s|\\p{javaWhitespace}|$)";

    /**
     * A name that may be a mention.
     *
     * @param text the name as written, trailing punctuation removed
     * @param words how many words it has
     * @param position where its mention character is in the text
     */
    public record Candidate(String text, int words, int position) {
    }

    /** A candidate that named something, with what it named. */
    public record Match<T>(Candidate candidate, T value) {
    }

    private final char mentionChar;
    private final Pattern multiWord;
    private final Pattern singleWord;

    public MentionParser(char mentionChar) {
        if (Character.isWhitespace(mentionChar) || Character.isLetterOrDigit(mentionChar)) {
            throw new IllegalArgumentException("the mention character must be a symbol, got '" + mentionChar + "'");
        }
        this.mentionChar = mentionChar;
        String c = Pattern.quote(String.valueOf(mentionChar));
        // escaping a symbol inside a character class is always legal, whatever the symbol
        String word = "[^\\s\\" + mentionChar + "]+";
        this.multiWord = Pattern.compile(c + "(" + word + "(?:[ \\t]+" + word + "){0," + (MAX_WORDS - 1) + "})");
        this.singleWord = Pattern.compile(c + "([\\w-]+)(?=[.,!?;:)\"'*_~|]|\\s|$)", Pattern.UNICODE_CHARACTER_CLASS);
    }

    /**
     * The candidate names in {@code content}: by position, and at one position longest first; duplicates
     * (ignoring case), user-id mentions and all-digit names are dropped, at most {@link #MAX_CANDIDATES}.
     */
    public List<Candidate> candidates(String content) {
        if (content == null || content.indexOf(mentionChar) < 0) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        Matcher multi = multiWord.matcher(content);
        while (multi.find()) {
            if (isDiscordMention(content, multi.start())) {
                continue;
            }
            String[] words = multi.group(1).replaceAll(TRAILING, "").split("[ \\t]+");
            for (int n = words.length; n >= 1; n--) {
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    kept.add(words[i].replaceAll(TRAILING, ""));
                }
                found.add(new Candidate(String.join(" ", kept).strip(), n, multi.start()));
            }
        }
        Matcher single = singleWord.matcher(content);
        while (single.find()) {
            if (!isDiscordMention(content, single.start())) {
                found.add(new Candidate(single.group(1), 1, single.start()));
            }
        }
        found.sort(Comparator.comparingInt(Candidate::position).thenComparing(Comparator.comparingInt(Candidate::words)
                .reversed()).thenComparing(Comparator.comparingInt((Candidate x) -> x.text().length()).reversed()));
        Set<String> seen = new HashSet<>();
        List<Candidate> result = new ArrayList<>();
        for (Candidate candidate : found) {
            String key = candidate.text().toLowerCase(Locale.ROOT);
            if (candidate.text().isEmpty() || candidate.text().matches("\\d+") || !seen.add(key)) {
                continue;
            }
            result.add(candidate);
            if (result.size() == MAX_CANDIDATES) {
                break;
            }
        }
        return List.copyOf(result);
    }

    /**
     * Resolves mentions left to right: at each mention position the longest candidate that
     * {@code lookup} recognises wins; positions where nothing matches are skipped.
     */
    public <T> List<Match<T>> resolve(String content, Function<String, Optional<T>> lookup) {
        Map<Integer, Match<T>> byPosition = new LinkedHashMap<>();
        for (Candidate candidate : candidates(content)) {
            if (byPosition.containsKey(candidate.position())) {
                continue;
            }
            lookup.apply(candidate.text()).ifPresent(v -> byPosition.put(candidate.position(), new Match<>(candidate, v)));
        }
        return List.copyOf(byPosition.values());
    }

    /** The text with every {@code @Name} of the given names removed (ignoring case), spaces tidied. */
    public String strip(String content, Collection<String> names) {
        String result = content == null ? "" : content;
        List<String> longestFirst = new ArrayList<>(names);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String name : longestFirst) {
            Pattern p = Pattern.compile(Pattern.quote(mentionChar + name) + ENDING,
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            result = p.matcher(result).replaceAll("");
        }
        // "@Alice, hello" should reach Alice as "hello", not ", hello"
        return result.replaceAll("[ \\t]{2,}", " ").replaceAll("(?m)^[ \\t]+|[ \\t]+$", "").strip()
                .replaceFirst("^[,.;:!?]+\\s*", "");
    }

    /** {@code <@123>} and {@code <@!123>} are Discord user mentions, not character names. */
    private boolean isDiscordMention(String content, int position) {
        return mentionChar == '@' && position > 0 && content.charAt(position - 1) == '<';
    }
}
