-- Swipes (issue 17): the versions of a character's reply, keyed by the reply's history row id
-- (conversation_history.id). No foreign key: a regeneration removes that row and the engine writes it again under
-- the same id. chosen marks the one version that history and memory keep; footer is what Discord shows under it.
CREATE TABLE reply_swipes (
    reply_id    UUID NOT NULL,
    idx         INTEGER NOT NULL,
    content     TEXT NOT NULL,
    footer      TEXT,
    chosen      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (reply_id, idx),
    CONSTRAINT reply_swipes_idx_check CHECK (idx >= 0)
);
