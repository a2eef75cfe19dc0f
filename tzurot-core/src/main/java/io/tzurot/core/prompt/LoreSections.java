package io.tzurot.core.prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lorebook content in the prompt: a {@code <world_info>} section before or after the character, and
 * {@code <world_info role="...">} lines inside the chat log at their depth. Entry text is user data: escaped like
 * every other such text, so it cannot close a section.
 */
final class LoreSections {

    /** At one depth, the system note goes nearest the end, then user, then assistant (as SillyTavern). */
    private static final List<String> ROLE_ORDER = List.of("assistant", "user", "system");

    private LoreSections() {
    }

    /** The section holding {@code texts} at {@code placement}, or empty text when there are none. */
    static String around(String placement, List<String> texts, Placeholders names) {
        List<String> kept = texts.stream().filter(t -> !t.isBlank()).toList();
        if (kept.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<world_info placement=\"").append(placement).append("\">\n");
        kept.forEach(t -> out.append(Xml.text(names.apply(t))).append('\n'));
        return out.append("</world_info>").toString();
    }

    /** The chat-log lines of the depth notes, by depth; notes of one depth and role are joined into one line. */
    static Map<Integer, List<String>> depthLines(List<PromptLore.DepthNote> notes, Placeholders names) {
        Map<Integer, Map<String, List<String>>> byDepth = new TreeMap<>();
        for (PromptLore.DepthNote note : notes) {
            if (!note.text().isBlank()) {
                byDepth.computeIfAbsent(note.depth(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(note.role(), r -> new ArrayList<>()).add(note.text());
            }
        }
        Map<Integer, List<String>> out = new TreeMap<>();
        byDepth.forEach((depth, byRole) -> {
            List<String> lines = new ArrayList<>();
            byRole.entrySet().stream().sorted(Comparator.comparingInt(e -> ROLE_ORDER.indexOf(e.getKey())))
                    .forEach(e -> lines.add("<world_info role=\"" + Xml.attr(e.getKey()) + "\">"
                            + Xml.text(names.apply(String.join("\n", e.getValue()))) + "</world_info>"));
            out.put(depth, lines);
        });
        return out;
    }

    /** {@code lines} (oldest first) with the depth lines put in: depth d goes before the d-th newest line. */
    static List<String> insert(List<String> lines, Map<Integer, List<String>> depthLines) {
        if (depthLines.isEmpty()) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.size() + depthLines.size());
        Map<Integer, List<String>> byIndex = new TreeMap<>();
        depthLines.forEach((depth, ls) -> byIndex.computeIfAbsent(Math.max(0, lines.size() - depth),
                i -> new ArrayList<>()).addAll(0, ls)); // deeper notes first at the same index (before the oldest)
        for (int i = 0; i <= lines.size(); i++) {
            List<String> here = byIndex.get(i);
            if (here != null) {
                out.addAll(here);
            }
            if (i < lines.size()) {
                out.add(lines.get(i));
            }
        }
        return out;
    }
}
