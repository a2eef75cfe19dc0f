package io.tzurot.core.lorebook;

import java.util.List;
import java.util.Objects;

/**
 * What a lorebook holds: its name and book-level settings (V2/V3 {@code character_book}) and its entries in order.
 *
 * @param scanDepth      how many recent messages are scanned; null = the global setting
 * @param tokenBudget    most tokens of lore per prompt; null = the global setting
 * @param recursiveScanning whether entry content may trigger other entries; null = the global setting
 * @param extensionsJson the book's {@code extensions} object as JSON text
 * @param extraJson      unknown book-level keys as a JSON object text
 */
public record LorebookContent(String name, String description, Integer scanDepth, Integer tokenBudget,
                              Boolean recursiveScanning, String extensionsJson, String extraJson,
                              List<LorebookEntry> entries) {

    /** Longest lorebook name, in characters. */
    public static final int MAX_NAME = 255;

    public LorebookContent {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        extensionsJson = extensionsJson == null ? "{}" : extensionsJson;
        extraJson = extraJson == null ? "{}" : extraJson;
    }

    /** A copy with another name. */
    public LorebookContent withName(String newName) {
        return new LorebookContent(newName, description, scanDepth, tokenBudget, recursiveScanning, extensionsJson,
                extraJson, entries);
    }
}
