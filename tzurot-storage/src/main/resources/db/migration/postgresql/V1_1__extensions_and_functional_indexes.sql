-- PostgreSQL only: the vector extension (used by the memories table) and indexes H2 cannot express.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE INDEX users_username_lower_idx ON users (lower(username));
CREATE UNIQUE INDEX llm_configs_free_default_unique ON llm_configs (is_free_default) WHERE is_free_default = TRUE;
