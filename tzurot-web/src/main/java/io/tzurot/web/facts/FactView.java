package io.tzurot.web.facts;

import io.tzurot.core.facts.ManagingFacts;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.personality.Personality;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fact as the API and the console show it, with its character's slug and name. */
public record FactView(String id, String shortId, String personality, String character, String content,
                       int confidencePercent, double confidence, boolean locked, String source, String createdAt,
                       String updatedAt) {

    static List<FactView> of(FactsServices s, List<MemoryFact> facts) {
        Map<UUID, Personality> names = new HashMap<>();
        return facts.stream().map(f -> of(f, names.computeIfAbsent(f.personalityId(),
                id -> s.personalities().findById(id).orElse(null)))).toList();
    }

    static FactView of(FactsServices s, MemoryFact fact) {
        return of(fact, s.personalities().findById(fact.personalityId()).orElse(null));
    }

    private static FactView of(MemoryFact f, Personality p) {
        return new FactView(f.id().toString(), ManagingFacts.shortId(f), p == null ? null : p.slug(),
                p == null ? "a character" : p.shownName(), f.content(), (int) Math.round(f.confidence() * 100),
                f.confidence(), f.locked(), f.source(), f.createdAt().toString(), f.updatedAt().toString());
    }

    Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("personality", personality);
        out.put("content", content);
        out.put("confidence", confidence);
        out.put("locked", locked);
        out.put("source", source);
        out.put("createdAt", createdAt);
        out.put("updatedAt", updatedAt);
        return out;
    }
}
