-- H2 only: "one system default preset" via a unique index on a computed column that is NULL for
-- every other row (H2 has no partial indexes), and a plain index for denylist expiry sweeps.
ALTER TABLE llm_configs ADD COLUMN default_marker BOOLEAN
    GENERATED ALWAYS AS (CASE WHEN is_default THEN TRUE ELSE NULL END);
CREATE UNIQUE INDEX llm_configs_default_unique ON llm_configs (default_marker);
CREATE INDEX denylisted_entities_expires_at_idx ON denylisted_entities (expires_at);
