package io.tzurot.core.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Strips the prompt's own format when a model echoes it: message tags, name labels, timestamps. */
public final class ArtifactStripper {

    private static final int MAX_ROUNDS = 5;
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final String BRACKET = "\\[[^\\]\\n]{0,80}\\]";

    /** The rules that do not depend on names, compiled once: a reply's stripper only compiles its names' rule. */
    private static final List<Rule> BEFORE_NAMES = List.of(
            new Rule("last_message", Pattern.compile("^\\s*<last_message>.*?</last_message>\\s*", FLAGS)),
            new Rule("from_tag", Pattern.compile("^\\s*<from\\b[^>]*>.*?</from>\\s*", FLAGS)),
            new Rule("reactions", Pattern.compile("\\s*<reactions>.*?</reactions>\\s*$", FLAGS)),
            new Rule("closing_tag", Pattern.compile("\\s*</[A-Za-z_][\\w:.-]*\\s*>\\s*$", FLAGS)),
            new Rule("message_tag", Pattern.compile("^\\s*<message\\b[^>]*>\\s*", FLAGS)));
    /** Only brackets that look like times or dates, so "[waves]" style actions survive. */
    private static final Rule TIMESTAMP = new Rule("timestamp", Pattern.compile(
            "^\\s*\\[(?=[^\\]\\n]*(?:\\d{1,2}:\\d{2}|\\d{4}-\\d{2}-\\d{2}|\\bago\\b|just now))[^\\]\\n]{0,80}\\]\\s*",
            FLAGS));

    private final List<Rule> rules;

    /** A stripper for replies of a personality known by these names (name, display name, ...). */
    public ArtifactStripper(List<String> personalityNames) {
        Objects.requireNonNull(personalityNames, "personalityNames must not be null");
        String names = personalityNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
                .distinct().map(Pattern::quote).collect(Collectors.joining("|"));
        List<Rule> list = new ArrayList<>(BEFORE_NAMES);
        if (!names.isEmpty()) {
            list.add(new Rule("name_prefix", Pattern.compile("^\\s*(?:\\*\\*)?(?:" + names + ")(?:\\*\\*)?\\s*(?:"
                    + BRACKET + ")?\\s*:(?:\\*\\*)?[ \\t]*(?:" + BRACKET + "[ \\t]*)?", FLAGS)));
        }
        list.add(TIMESTAMP);
        this.rules = List.copyOf(list);
    }

    /** The result of stripping: the text and the names of the rules that fired, in order. */
    public record Stripped(String text, List<String> artifacts) {
        /** Copies the list. */
        public Stripped {
            Objects.requireNonNull(text, "text");
            artifacts = List.copyOf(artifacts);
        }
    }

    /** Strips artifacts, restarting after each hit, at most five times. */
    public Stripped strip(String content) {
        String text = content == null ? "" : content;
        List<String> fired = new ArrayList<>();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean hit = false;
            for (Rule rule : rules) {
                Matcher m = rule.pattern().matcher(text);
                if (m.find() && m.end() > m.start()) {
                    text = text.substring(0, m.start()) + text.substring(m.end());
                    fired.add(rule.name());
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                break;
            }
        }
        return new Stripped(text.strip(), fired);
    }

    private record Rule(String name, Pattern pattern) {
    }
}
