package io.tzurot.core.response;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Separates inline thinking ({@code <think>}, {@code <reasoning>}, ...) from the visible reply. */
public final class ThinkingExtractor {

    private static final String TAGS = "think|thinking|ant_thinking|reasoning|thought|reflection|scratchpad";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
    private static final Pattern NAMESPACED = Pattern.compile("<(/?)[A-Za-z][\\w.-]*:(" + TAGS + ")\\b", FLAGS);
    private static final Pattern PAIR = Pattern.compile("<(" + TAGS + ")\\b[^>]*>(.*?)</\\1\\s*>", FLAGS);
    private static final Pattern OPEN = Pattern.compile("<(" + TAGS + ")\\b[^>]*>", FLAGS);
    private static final Pattern CLOSE = Pattern.compile("</(" + TAGS + ")\\s*>", FLAGS);
    // A few stray characters and a dot before a closing tag: the tail of a half-printed thinking block.
    private static final Pattern CHIMERA = Pattern.compile("\\n\\S{0,9}\\.</(" + TAGS + ")\\s*>", FLAGS);
    private static final Pattern HARMONY = Pattern.compile("<\\|[a-z_]{1,20}\\|>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    /** An orphan closing tag ends thinking only if at least this much text precedes it. */
    private static final int MIN_ORPHAN_THINKING = 20;

    private ThinkingExtractor() {
    }

    /** Extracts every thinking block; unclosed or orphaned tags are handled as the reply engine spec says. */
    public static ThinkingExtraction extract(String content) {
        String text = NAMESPACED.matcher(content == null ? "" : content).replaceAll("<$1$2");
        List<String> blocks = new ArrayList<>();
        Matcher pair = PAIR.matcher(text);
        StringBuilder rest = new StringBuilder(text.length());
        int last = 0;
        while (pair.find()) {
            addBlock(blocks, pair.group(2));
            rest.append(text, last, pair.start());
            last = pair.end();
        }
        rest.append(text, last, text.length());
        String visible = rest.toString();
        if (blocks.isEmpty()) {
            visible = unpaired(visible, blocks);
        }
        return new ThinkingExtraction(clean(visible), blocks);
    }

    private static String unpaired(String text, List<String> blocks) {
        Matcher open = OPEN.matcher(text);
        if (open.find()) {
            String before = text.substring(0, open.start());
            String after = text.substring(open.end());
            if (clean(before).isEmpty()) {
                // Models sometimes open <think> as roleplay formatting and never close it: then it IS the reply.
                return before + after;
            }
            addBlock(blocks, after);
            return before;
        }
        Matcher close = CLOSE.matcher(text);
        if (close.find() && text.substring(0, close.start()).strip().length() >= MIN_ORPHAN_THINKING) {
            addBlock(blocks, text.substring(0, close.start()));
            return text.substring(close.end());
        }
        return text;
    }

    /**
     * Where the part of a reply still being written that is certainly not thinking ends: before a thinking tag
     * that is open and not yet closed, or before a tag still being written ({@code <thi}). Namespaced tags count.
     */
    static int settledEnd(String partial) {
        String text = NAMESPACED.matcher(partial).replaceAll("<$1$2");
        // the replacement keeps every '<' and only drops a namespace, so a cut before a '<' maps back by counting them
        int end = text.length();
        int lastLt = text.lastIndexOf('<');
        if (lastLt >= 0 && text.indexOf('>', lastLt) < 0) {
            end = lastLt;
        }
        Matcher open = OPEN.matcher(text);
        while (open.find() && open.start() < end) {
            Matcher close = CLOSE.matcher(text);
            if (!close.find(open.end()) || close.start() >= end) {
                end = open.start();
                break;
            }
            open.region(close.end(), text.length());
        }
        return sameTagIndex(partial, text, end);
    }

    /** The index in {@code original} of the {@code '<'} that is at {@code index} in {@code normalized}. */
    private static int sameTagIndex(String original, String normalized, int index) {
        if (index >= normalized.length()) {
            return original.length();
        }
        int tags = 0;
        for (int i = 0; i < index; i++) {
            if (normalized.charAt(i) == '<') {
                tags++;
            }
        }
        int seen = 0;
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == '<') {
                if (seen == tags) {
                    return i;
                }
                seen++;
            }
        }
        return original.length();
    }

    private static void addBlock(List<String> blocks, String block) {
        String trimmed = block.strip();
        if (!trimmed.isEmpty()) {
            blocks.add(trimmed);
        }
    }

    private static String clean(String text) {
        String out = CHIMERA.matcher(text).replaceAll("");
        out = CLOSE.matcher(out).replaceAll("");
        out = HARMONY.matcher(out).replaceAll("");
        return BLANK_LINES.matcher(out.strip()).replaceAll("\n\n");
    }
}
