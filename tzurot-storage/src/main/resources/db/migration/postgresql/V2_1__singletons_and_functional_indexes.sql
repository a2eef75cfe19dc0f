-- PostgreSQL only: partial and functional indexes H2 cannot express.
CREATE UNIQUE INDEX llm_configs_default_unique ON llm_configs (is_default) WHERE is_default = TRUE;
CREATE INDEX personalities_name_lower_idx ON personalities (lower(name));
CREATE INDEX denylisted_entities_expires_at_idx ON denylisted_entities (expires_at) WHERE expires_at IS NOT NULL;
