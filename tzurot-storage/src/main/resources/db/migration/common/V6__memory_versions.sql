-- A per-persona change counter for memories: every insert, edit, soft delete and purge bumps it in the
-- same transaction. The embedded profile's in-JVM vector index compares it to know when to reload a
-- persona's vectors, also when another process (the CLI beside a running server) wrote them.
CREATE TABLE memory_versions (
    persona_id UUID PRIMARY KEY REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    version    BIGINT NOT NULL
);
