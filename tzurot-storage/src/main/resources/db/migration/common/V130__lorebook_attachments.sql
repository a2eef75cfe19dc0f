-- Lorebooks attached to a persona, a channel or everything (issue 18). Characters keep personality_lorebooks.
-- target_id is the persona's id, the channel's id, or '' for everything; a persona's rows also carry persona_id
-- so deleting the persona removes its attachments.
CREATE TABLE lorebook_attachments (
    target_kind  VARCHAR(16) NOT NULL,
    target_id    VARCHAR(100) NOT NULL,
    lorebook_id  UUID NOT NULL REFERENCES lorebooks (id) ON DELETE CASCADE,
    persona_id   UUID REFERENCES personas (id) ON DELETE CASCADE,
    attached_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (target_kind, target_id, lorebook_id),
    CONSTRAINT lorebook_attachments_kind CHECK (target_kind IN ('persona', 'channel', 'global'))
);
CREATE INDEX lorebook_attachments_lorebook_id_idx ON lorebook_attachments (lorebook_id);
CREATE INDEX lorebook_attachments_persona_id_idx ON lorebook_attachments (persona_id);
