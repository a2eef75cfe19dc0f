package io.tzurot.web.memory;

import io.tzurot.core.memory.Memory;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of a memory, and of a search hit (the same with its score). */
public final class MemoryView {

    private MemoryView() {
    }

    public static Map<String, Object> of(Memory m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id().toString());
        json.put("personaId", m.personaId() == null ? null : m.personaId().toString());
        json.put("personalityId", m.personalityId().toString());
        json.put("content", m.content());
        json.put("locked", m.locked());
        json.put("channelId", m.channelId());
        json.put("createdAt", m.createdAt().toString());
        json.put("updatedAt", m.updatedAt().toString());
        json.put("summary", m.isSummary());
        if (m.isSummary()) {
            json.put("originals", m.originalMessageCount());
            json.put("coversFrom", m.coversFrom() == null ? null : m.coversFrom().toString());
            json.put("coversUntil", m.coversUntil() == null ? null : m.coversUntil().toString());
        }
        json.put("summarizedBy", m.summarizedBy() == null ? null : m.summarizedBy().toString());
        return json;
    }

    public static Map<String, Object> hit(Memory m, double score, String personalityName) {
        Map<String, Object> json = of(m);
        json.put("score", score);
        json.put("personalityName", personalityName);
        return json;
    }

    static void define(Schemas s) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", Schemas.format("uuid", "Memory id"));
        fields.put("personaId", Schemas.nullable(Schemas.format("uuid", "The persona that owns it")));
        fields.put("personalityId", Schemas.format("uuid", "The character it was made with"));
        fields.put("content", Schemas.string("The remembered text"));
        fields.put("locked", Schemas.bool("Locked (core) memories survive a purge"));
        fields.put("channelId", Schemas.nullable(Schemas.string("Where it was made")));
        fields.put("createdAt", Schemas.format("date-time", "When it was made"));
        fields.put("updatedAt", Schemas.format("date-time", "When it last changed"));
        fields.put("summary", Schemas.bool("A summary of older memories (📜), written in the background"));
        fields.put("originals", Schemas.nullable(Map.of("type", "integer", "description",
                "Summary only: how many memories it stands for")));
        fields.put("coversFrom", Schemas.nullable(Schemas.format("date-time", "Summary only: its oldest memory")));
        fields.put("coversUntil", Schemas.nullable(Schemas.format("date-time", "Summary only: its newest memory")));
        fields.put("summarizedBy", Schemas.nullable(Schemas.format("uuid",
                "The summary that stands for this memory (search then finds the summary instead)")));
        s.define("Memory", Schemas.object(List.of("id", "personalityId", "content", "locked", "createdAt", "updatedAt"), fields));
        Map<String, Object> hitFields = new LinkedHashMap<>(fields);
        hitFields.put("score", Map.of("type", "number", "description", "Cosine similarity to the query"));
        hitFields.put("personalityName", Schemas.string("The character's name"));
        s.define("MemoryHit", Schemas.object(List.of("id", "content", "score"), hitFields));
        s.define("MemoryPage", Schemas.object(List.of("items", "total", "offset", "limit", "hasMore"), Map.of(
                "items", Schemas.arrayOf(Schemas.ref("Memory")),
                "total", Map.of("type", "integer", "description", "How many memories the listing has"),
                "offset", Map.of("type", "integer", "description", "Index of the first item"),
                "limit", Map.of("type", "integer", "description", "Page size asked for"),
                "hasMore", Schemas.bool("Whether more pages follow"),
                "personaId", Schemas.nullable(Schemas.format("uuid", "Whose memories (null when you have no persona)")))));
        s.define("MemorySearch", Schemas.object(List.of("query"), Map.of(
                "query", Schemas.string("What to look for (semantic)", MemoryApi.MAX_QUERY_LENGTH),
                "personality", Schemas.string("Only memories with this character; default: all of them", 255),
                "persona", Schemas.format("uuid", "Whose memories (one of yours); default: your active persona"),
                "limit", Map.of("type", "integer", "minimum", 1, "maximum", MemoryApi.MAX_SEARCH_LIMIT,
                        "description", "Most hits; default 10"))));
        s.define("MemoryHits", Schemas.object(List.of("hits"), Map.of("hits", Schemas.arrayOf(Schemas.ref("MemoryHit")))));
        s.define("EditMemory", Schemas.object(List.of("content"), Map.of(
                "content", Schemas.string("The new text; it is embedded again", MemoryApi.MAX_CONTENT_LENGTH))));
        s.define("Purged", Schemas.object(List.of("deleted"), Map.of(
                "deleted", Map.of("type", "integer", "description", "How many memories were deleted (locked ones stay)"))));
    }
}
