package io.tzurot.core.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a reply into messages of at most a given length: by paragraph, then line, sentence and word,
 * never inside a fenced code block that fits in one message; a longer block is split by lines with its
 * fence closed and reopened in every piece.
 */
public final class MessageChunker {

    /** Discord's limit on one message's content. */
    public static final int DISCORD_LIMIT = 2000;

    private static final String FENCE = "```";
    private static final String ELLIPSIS = "...";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A piece to pack, with the separator that stood before it. */
    private record Unit(String text, String separator) {
    }

    private MessageChunker() {
    }

    /** The chunks of {@code text}, each at most {@code limit} characters, trimmed, none empty. */
    public static List<String> split(String text, int limit) {
        if (limit < 40) {
            throw new IllegalArgumentException("limit must be at least 40 characters, got " + limit);
        }
        List<Unit> units = new ArrayList<>();
        for (Unit unit : blocks(text == null ? "" : text)) {
            if (unit.text().length() <= limit) {
                units.add(unit);
            } else if (unit.text().startsWith(FENCE)) {
                units.addAll(splitCode(unit, limit));
            } else {
                units.addAll(splitProse(unit, limit));
            }
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (Unit unit : units) {
            if (current.length() > 0 && current.length() + unit.separator().length() + unit.text().length() > limit) {
                addTrimmed(chunks, current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(unit.separator());
            }
            current.append(unit.text());
        }
        addTrimmed(chunks, current.toString());
        return List.copyOf(chunks);
    }

    /** {@link #split(String, int)} at Discord's limit. */
    public static List<String> split(String text) {
        return split(text, DISCORD_LIMIT);
    }

    /**
     * Appends {@code footer} on its own line to the last chunk, or as a chunk of its own when the last
     * one has no room for it.
     */
    public static List<String> withFooter(List<String> chunks, String footer, int limit) {
        if (footer == null || footer.isBlank()) {
            return List.copyOf(chunks);
        }
        List<String> result = new ArrayList<>(chunks);
        String trimmed = footer.strip();
        if (result.isEmpty()) {
            result.addAll(split(trimmed, limit));
            return List.copyOf(result);
        }
        String last = result.get(result.size() - 1);
        if (last.length() + 1 + trimmed.length() <= limit) {
            result.set(result.size() - 1, last + "\n" + trimmed);
        } else {
            result.addAll(split(trimmed, limit));
        }
        return List.copyOf(result);
    }

    /** Paragraphs and whole fenced code blocks, each remembering whether a blank line preceded it. */
    private static List<Unit> blocks(String text) {
        List<Unit> units = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        String separator = "\n\n";
        boolean inCode = false;
        boolean blankBefore = false;
        for (String line : text.split("\n", -1)) {
            boolean fence = line.stripLeading().startsWith(FENCE);
            if (inCode) {
                block.append('\n').append(line);
                if (fence) {
                    units.add(new Unit(block.toString(), separator));
                    block.setLength(0);
                    inCode = false;
                    blankBefore = false;
                }
            } else if (fence && !line.strip().substring(3).contains(FENCE)) {
                separator = flush(units, block, separator, blankBefore);
                block.append(line.stripLeading());
                inCode = true;
            } else if (line.isBlank()) {
                separator = flush(units, block, separator, true);
                blankBefore = true;
            } else {
                if (block.length() == 0) {
                    separator = units.isEmpty() || blankBefore ? "\n\n" : "\n";
                } else {
                    block.append('\n');
                }
                block.append(line);
                blankBefore = false;
            }
        }
        if (inCode) {
            block.append('\n').append(FENCE); // an unclosed fence is closed so the chunk renders as code
        }
        flush(units, block, separator, blankBefore);
        return units;
    }

    private static String flush(List<Unit> units, StringBuilder block, String separator, boolean blankBefore) {
        if (block.length() > 0) {
            units.add(new Unit(block.toString(), separator));
            block.setLength(0);
        }
        return units.isEmpty() || blankBefore ? "\n\n" : "\n";
    }

    private static List<Unit> splitCode(Unit unit, int limit) {
        List<String> lines = new ArrayList<>(List.of(unit.text().split("\n", -1)));
        String open = lines.remove(0);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).strip().startsWith(FENCE)) {
            lines.remove(lines.size() - 1);
        }
        if (open.length() > limit / 2) {
            open = FENCE; // an absurd info string is dropped rather than eating every chunk
        }
        int budget = limit - open.length() - 1 - 1 - FENCE.length();
        List<Unit> pieces = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            for (String part : slices(line, budget)) {
                if (body.length() > 0 && body.length() + 1 + part.length() > budget) {
                    pieces.add(new Unit(open + "\n" + body + "\n" + FENCE, pieces.isEmpty() ? unit.separator() : "\n"));
                    body.setLength(0);
                }
                if (body.length() > 0) {
                    body.append('\n');
                }
                body.append(part);
            }
        }
        pieces.add(new Unit(open + "\n" + body + "\n" + FENCE, pieces.isEmpty() ? unit.separator() : "\n"));
        return pieces;
    }

    private static List<String> slices(String line, int size) {
        if (line.length() <= size) {
            return List.of(line);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < line.length(); i += size) {
            parts.add(line.substring(i, Math.min(line.length(), i + size)));
        }
        return parts;
    }

    /** Lines, then sentences, then words, then slices of one word: the finest split that fits. */
    private static List<Unit> splitProse(Unit unit, int limit) {
        List<Unit> pieces = new ArrayList<>();
        String separator = unit.separator();
        for (String line : unit.text().split("\n")) {
            for (Unit piece : splitLine(line, limit)) {
                pieces.add(new Unit(piece.text(), pieces.isEmpty() ? separator : firstOr(piece, "\n")));
            }
        }
        return pieces;
    }

    private static String firstOr(Unit piece, String lineSeparator) {
        return piece.separator().isEmpty() ? lineSeparator : piece.separator();
    }

    /** Pieces of one line; the first has an empty separator, meaning "a new line starts here". */
    private static List<Unit> splitLine(String line, int limit) {
        if (line.length() <= limit) {
            return List.of(new Unit(line, ""));
        }
        List<Unit> pieces = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(line)) {
            if (sentence.length() <= limit) {
                pieces.add(new Unit(sentence, pieces.isEmpty() ? "" : " "));
                continue;
            }
            for (String word : SPACES.split(sentence)) {
                if (word.length() <= limit) {
                    pieces.add(new Unit(word, pieces.isEmpty() ? "" : " "));
                    continue;
                }
                List<String> slices = slices(word, limit - ELLIPSIS.length());
                for (int i = 0; i < slices.size(); i++) {
                    // a cut word is marked as continuing, except where it really ends
                    String slice = i < slices.size() - 1 ? slices.get(i) + ELLIPSIS : slices.get(i);
                    pieces.add(new Unit(slice, pieces.isEmpty() ? "" : " "));
                }
            }
        }
        return pieces;
    }

    private static void addTrimmed(List<String> chunks, String chunk) {
        String trimmed = chunk.strip();
        if (!trimmed.isEmpty()) {
            chunks.add(trimmed);
        }
    }
}
