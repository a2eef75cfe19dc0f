-- Web conversations belong to the user who created them (issue 11). A channel id is random (or, for a
-- user who talked before ownership, the id derived from their user id, adopted on first use).
-- default_of holds the owner's id on their default channel only; the unique constraint (which ignores
-- NULLs on both databases) keeps it to one default per owner.
CREATE TABLE web_channels (
    id          VARCHAR(20) PRIMARY KEY,
    owner_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    default_of  UUID,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT web_channels_default_of_key UNIQUE (default_of),
    CONSTRAINT web_channels_default_is_owner CHECK (default_of IS NULL OR default_of = owner_id)
);
CREATE INDEX web_channels_owner_id_idx ON web_channels (owner_id);

-- Whether a character's owner shows its system prompt in the diagnostic records of other users' replies.
ALTER TABLE personalities ADD COLUMN share_hidden_fields BOOLEAN NOT NULL DEFAULT FALSE;
