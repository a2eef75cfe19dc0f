-- H2 only: H2 has no partial indexes, so "one free default preset" is enforced by a unique index on a
-- computed column that is NULL for every other row.
ALTER TABLE llm_configs ADD COLUMN free_default_marker BOOLEAN
    GENERATED ALWAYS AS (CASE WHEN is_free_default THEN TRUE ELSE NULL END);
CREATE UNIQUE INDEX llm_configs_free_default_unique ON llm_configs (free_default_marker);
