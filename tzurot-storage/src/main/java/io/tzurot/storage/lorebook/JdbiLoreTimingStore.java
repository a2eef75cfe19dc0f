package io.tzurot.storage.lorebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.lorebook.activation.LoreTiming;
import io.tzurot.core.lorebook.activation.LoreTimingStore;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Lorebook timed effects in the database ({@code lore_timing}), so a sticky entry outlives a restart and each CLI
 * run. Effects are a JSON object: entry key to {@code [stickyThrough, cooldownThrough, contentHash]}.
 */
public final class JdbiLoreTimingStore implements LoreTimingStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiLoreTimingStore(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LoreTiming load(String scope) {
        Optional<Map<String, Object>> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT turn, effects FROM lore_timing WHERE scope = :scope")
                .bind("scope", scope).mapToMap().findOne());
        return row.map(r -> new LoreTiming(((Number) r.get("turn")).longValue(), effects((String) r.get("effects"))))
                .orElse(LoreTiming.START);
    }

    @Override
    public void save(String scope, LoreTiming timing) {
        String effects = json(timing.effects());
        // delete then insert: the same on H2 and PostgreSQL, and one transaction keeps it atomic
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM lore_timing WHERE scope = :scope").bind("scope", scope).execute();
            h.createUpdate("INSERT INTO lore_timing (scope, turn, effects, updated_at) VALUES (:scope, :turn, :effects,"
                            + " :at)")
                    .bind("scope", scope).bind("turn", timing.turn()).bind("effects", effects)
                    .bind("at", Sql.now(clock)).execute();
        });
    }

    private static String json(Map<String, LoreTiming.Effect> effects) {
        ObjectNode out = JSON.createObjectNode();
        effects.forEach((key, e) -> {
            ArrayNode a = out.putArray(key);
            a.add(e.stickyThrough()).add(e.cooldownThrough()).add(e.contentHash());
        });
        return out.toString();
    }

    /** The stored effects; a damaged document counts as none (the effects are short-lived and rebuild themselves). */
    private static Map<String, LoreTiming.Effect> effects(String json) {
        Map<String, LoreTiming.Effect> out = new HashMap<>();
        try {
            JsonNode node = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = e.getValue();
                if (a.isArray() && a.size() == 3) {
                    out.put(e.getKey(), new LoreTiming.Effect(a.get(0).asLong(), a.get(1).asLong(), a.get(2).asInt()));
                }
            }
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        return out;
    }
}
