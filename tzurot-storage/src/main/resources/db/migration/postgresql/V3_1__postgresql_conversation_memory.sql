-- PostgreSQL only: empty-array defaults, GIN indexes on arrays and JSON, partial indexes, and the HNSW
-- cosine index that serves memory search (the reference used IVFFlat with one probe; HNSW needs no training).
ALTER TABLE conversation_history ALTER COLUMN discord_message_id SET DEFAULT '{}';
ALTER TABLE memories ALTER COLUMN message_ids SET DEFAULT '{}';
ALTER TABLE memories ALTER COLUMN senders SET DEFAULT '{}';
ALTER TABLE llm_diagnostic_logs ALTER COLUMN response_message_ids SET DEFAULT '{}';
CREATE INDEX conversation_history_discord_message_id_idx ON conversation_history USING GIN (discord_message_id);
CREATE INDEX conversation_history_message_metadata_idx ON conversation_history USING GIN (message_metadata);
CREATE INDEX llm_diagnostic_logs_response_message_ids_idx ON llm_diagnostic_logs USING GIN (response_message_ids);
CREATE INDEX memories_is_locked_idx ON memories (is_locked) WHERE is_locked;
CREATE INDEX memories_chunk_group_id_idx ON memories (chunk_group_id, persona_id) WHERE chunk_group_id IS NOT NULL;
CREATE INDEX memories_embedding_hnsw_idx ON memories USING hnsw (embedding vector_cosine_ops);
