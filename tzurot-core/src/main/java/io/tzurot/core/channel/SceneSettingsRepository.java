package io.tzurot.core.channel;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Port: the scene limits (one row) and each character's talkativeness. */
public interface SceneSettingsRepository {

    /** Talkativeness of a character that never set one. */
    int DEFAULT_TALKATIVENESS = 50;

    /** The limits; {@link SceneLimits#DEFAULTS} until the bot owner sets them. */
    SceneLimits limits();

    /** Replaces the limits. */
    SceneLimits setLimits(SceneLimits limits, UUID changedBy);

    /** The talkativeness (0-100) of each character, {@link #DEFAULT_TALKATIVENESS} for those without one. */
    Map<UUID, Integer> talkativeness(Collection<UUID> personalityIds);

    /** Sets a character's talkativeness, 0-100. */
    void setTalkativeness(UUID personalityId, int weight);

    /** Settings that never change: these limits and the default talkativeness for everyone (nothing can be set). */
    static SceneSettingsRepository fixed(SceneLimits limits) {
        return new SceneSettingsRepository() {
            @Override
            public SceneLimits limits() {
                return limits;
            }

            @Override
            public SceneLimits setLimits(SceneLimits changed, UUID changedBy) {
                throw new UnsupportedOperationException("these scene limits are fixed");
            }

            @Override
            public Map<UUID, Integer> talkativeness(Collection<UUID> personalityIds) {
                Map<UUID, Integer> out = new java.util.HashMap<>();
                personalityIds.forEach(id -> out.put(id, DEFAULT_TALKATIVENESS));
                return out;
            }

            @Override
            public void setTalkativeness(UUID personalityId, int weight) {
                throw new UnsupportedOperationException("these scene settings are fixed");
            }
        };
    }
}
