-- Lorebooks (issue 14): SillyTavern world info owned by a user and attachable to characters. Each entry keeps
-- every field of the card specs and of SillyTavern's world files: the ones a query needs as columns, the other
-- typed settings as one JSON document, the entry's extensions and unknown keys as JSON text (TEXT, not jsonb,
-- so key order survives an export).
CREATE TABLE lorebooks (
    id                  UUID PRIMARY KEY,
    owner_id            UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    name                VARCHAR(255) NOT NULL,
    description         TEXT,
    scan_depth          INTEGER,
    token_budget        INTEGER,
    recursive_scanning  BOOLEAN,
    extensions          TEXT NOT NULL,
    extra               TEXT NOT NULL,
    created_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX lorebooks_owner_id_idx ON lorebooks (owner_id);

CREATE TABLE lorebook_entries (
    lorebook_id      UUID NOT NULL REFERENCES lorebooks (id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL,
    entry_id         VARCHAR(100),
    id_is_text       BOOLEAN NOT NULL,
    primary_keys     TEXT NOT NULL,
    secondary_keys   TEXT NOT NULL,
    content          TEXT NOT NULL,
    entry_comment    TEXT,
    entry_name       TEXT,
    enabled          BOOLEAN,
    constant_entry   BOOLEAN,
    insertion_order  INTEGER,
    settings         TEXT NOT NULL,
    extensions       TEXT NOT NULL,
    extra            TEXT NOT NULL,
    PRIMARY KEY (lorebook_id, ordinal)
);

CREATE TABLE personality_lorebooks (
    personality_id  UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    lorebook_id     UUID NOT NULL REFERENCES lorebooks (id) ON DELETE CASCADE,
    attached_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (personality_id, lorebook_id)
);
CREATE INDEX personality_lorebooks_lorebook_id_idx ON personality_lorebooks (lorebook_id);
