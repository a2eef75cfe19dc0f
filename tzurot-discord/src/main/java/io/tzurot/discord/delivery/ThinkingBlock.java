package io.tzurot.discord.delivery;

import io.tzurot.core.discord.MessageChunker;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's reasoning, shown before the reply when the preset's show-thinking is on (spec/discord.md §1.12):
 * each message a header and the text hidden behind a spoiler; at most three messages' worth, the rest cut and
 * marked.
 */
public final class ThinkingBlock {

    /** Starts every thinking message; history reading leaves such messages out. */
    public static final String HEADER = "\uD83D\uDCAD **Thinking:**\n";
    static final int MAX_MESSAGES = 3;
    static final String TRUNCATED = "\n[...truncated]";
    /** Room left for the {@code **Name:** } prefix of a DM post. */
    private static final int NAME_ROOM = 120;
    static final int PER_MESSAGE = MessageChunker.DISCORD_LIMIT - HEADER.length() - 4 - NAME_ROOM;

    private ThinkingBlock() {
    }

    /** The messages to post, in order; none when there is no reasoning. */
    public static List<String> messages(String reasoning) {
        // a "||" inside would close the spoiler early
        String text = reasoning == null ? "" : reasoning.strip().replace("||", "|\u200B|");
        if (text.isEmpty()) {
            return List.of();
        }
        int cap = PER_MESSAGE * MAX_MESSAGES;
        if (text.length() > cap) {
            text = text.substring(0, cap - TRUNCATED.length()) + TRUNCATED;
        }
        List<String> out = new ArrayList<>();
        for (int start = 0; start < text.length(); start += PER_MESSAGE) {
            out.add(HEADER + "||" + text.substring(start, Math.min(text.length(), start + PER_MESSAGE)) + "||");
        }
        return out;
    }
}
