-- H2 only: empty-array defaults, and "locked" / "chunked" lookups as plain indexes (no partial indexes in H2).
-- Vector search on H2 is exact cosine in the JVM, so there is no vector index.
ALTER TABLE conversation_history ALTER COLUMN discord_message_id SET DEFAULT ARRAY[];
ALTER TABLE memories ALTER COLUMN message_ids SET DEFAULT ARRAY[];
ALTER TABLE memories ALTER COLUMN senders SET DEFAULT ARRAY[];
ALTER TABLE llm_diagnostic_logs ALTER COLUMN response_message_ids SET DEFAULT ARRAY[];
CREATE INDEX memories_is_locked_idx ON memories (is_locked);
CREATE INDEX memories_chunk_group_id_idx ON memories (chunk_group_id, persona_id);
