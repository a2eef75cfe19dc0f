-- /admin usage (issue 15): each reply logs which character answered, whether the operator's key paid (guest)
-- or the user's own (BYOK), and how long the reply took. Older rows keep NULL character and latency.
ALTER TABLE usage_logs ADD COLUMN personality_id UUID;
ALTER TABLE usage_logs ADD COLUMN guest BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE usage_logs ADD COLUMN latency_ms INTEGER;
ALTER TABLE usage_logs ADD CONSTRAINT usage_logs_personality_fk FOREIGN KEY (personality_id)
    REFERENCES personalities (id) ON DELETE SET NULL;
CREATE INDEX usage_logs_personality_created_idx ON usage_logs (personality_id, created_at);
