package io.tzurot.core.reply;

import io.tzurot.core.prompt.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an exchange too long to embed in one piece (pipeline.md §4.2): paragraphs, then sentences, then words,
 * packed up to the limit; a piece that starts inside a turn says whose turn continues.
 */
final class MemoryChunker {

    static final int CHUNK_TOKENS = 7_500;
    static final String USER_TURN = "{user}: ";
    static final String ASSISTANT_TURN = "\n{assistant}: ";

    private final TokenCounter tokens;
    private final int limit;

    MemoryChunker(TokenCounter tokens, int limit) {
        this.tokens = tokens;
        this.limit = limit;
    }

    MemoryChunker(TokenCounter tokens) {
        this(tokens, CHUNK_TOKENS);
    }

    List<String> split(String text) {
        if (fits(text)) {
            return List.of(text);
        }
        List<String> pieces = new ArrayList<>();
        for (String paragraph : text.split("\n\n+")) {
            addSplit(paragraph, pieces, "(?<=[.!?])\\s+", " ");
        }
        List<String> chunks = pack(pieces, "\n\n");
        int assistantStart = text.indexOf(ASSISTANT_TURN);
        List<String> out = new ArrayList<>(chunks.size());
        int searchFrom = 0;
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            int at = text.indexOf(chunk, searchFrom);
            if (at >= 0) {
                searchFrom = at + chunk.length();
            }
            if (i > 0 && !chunk.startsWith(USER_TURN) && !chunk.startsWith(ASSISTANT_TURN.strip())) {
                boolean inAssistant = assistantStart >= 0 && at > assistantStart;
                chunk = (inAssistant ? "{assistant} (continued): " : "{user} (continued): ") + chunk;
            }
            out.add(chunk);
        }
        return out;
    }

    /**
     * Whether {@code text} is within the limit. Each token covers at least one UTF-8 byte and a char takes at most
     * three, so a text of at most a third of the limit in chars fits without being counted (almost every exchange:
     * counting it was 3 % of a worker's CPU); a longer one is counted once, never memoised (it will not come again).
     */
    private boolean fits(String text) {
        return (long) text.length() * 3 <= limit || tokens.countOnce(text) <= limit;
    }

    private void addSplit(String part, List<String> out, String sentenceSplit, String joiner) {
        if (fits(part)) {
            out.add(part);
            return;
        }
        if (sentenceSplit != null) {
            List<String> sentences = new ArrayList<>();
            for (String s : part.split(sentenceSplit)) {
                addSplit(s, sentences, null, " ");
            }
            out.addAll(pack(sentences, " "));
            return;
        }
        List<String> words = new ArrayList<>(List.of(part.split("\\s+")));
        out.addAll(pack(words, joiner));
    }

    private List<String> pack(List<String> parts, String joiner) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String part : parts) {
            String candidate = current.length() == 0 ? part : current + joiner + part;
            if (current.length() > 0 && !fits(candidate)) {
                out.add(current.toString());
                current = new StringBuilder(part);
            } else {
                current = new StringBuilder(candidate);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }
}
