package io.tzurot.storage.lorebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookEntry.Grouping;
import io.tzurot.core.lorebook.LorebookEntry.Matching;
import io.tzurot.core.lorebook.LorebookEntry.Placement;
import io.tzurot.core.lorebook.LorebookEntry.Recursion;
import io.tzurot.core.lorebook.LorebookEntry.Timing;
import java.util.List;

/** How an entry's key lists and typed settings are kept as JSON text in {@code lorebook_entries}. */
final class EntryColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** The typed settings that have no column of their own. */
    record Settings(Matching matching, Placement placement, Timing timing, Grouping grouping, Recursion recursion,
                    String automationId, String characterFilterJson) {
    }

    private EntryColumns() {
    }

    static String keys(List<String> keys) {
        return write(keys);
    }

    static List<String> keys(String json) {
        try {
            return MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lorebook keys column", e);
        }
    }

    static String settings(LorebookEntry e) {
        return write(new Settings(e.matching(), e.placement(), e.timing(), e.grouping(), e.recursion(), e.automationId(),
                e.characterFilterJson()));
    }

    static Settings settings(String json) {
        try {
            return MAPPER.readValue(json, Settings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable lorebook settings column", e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lorebook column not writable", e);
        }
    }
}
