-- Author's notes and user prompts (issue 18). An author's note belongs to a character, a channel (every character
-- there) or a user (for one character, or for all: personality_id NULL). scope_key names the owner once
-- ('character:<uuid>', 'channel:<id>', 'user:<uuid>:<uuid|*>') so each owner has at most one note; the id columns
-- let deleting a character or a user take its rows along. A user prompt is a user's own system-prompt addition,
-- for one character or for all (personality_id NULL; scope_key 'user:<uuid>:<uuid|*>').
CREATE TABLE authors_notes (
    scope_key       VARCHAR(100) PRIMARY KEY,
    scope           VARCHAR(16) NOT NULL,
    personality_id  UUID REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    channel_id      VARCHAR(20),
    user_id         UUID REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    content         VARCHAR(8000) NOT NULL,
    depth           INTEGER NOT NULL,
    role            VARCHAR(16) NOT NULL,
    frequency       INTEGER NOT NULL,
    updated_by      UUID,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT authors_notes_scope CHECK (scope IN ('character', 'channel', 'user')),
    CONSTRAINT authors_notes_role CHECK (role IN ('system', 'user', 'assistant'))
);
CREATE INDEX authors_notes_user_idx ON authors_notes (user_id);
CREATE INDEX authors_notes_personality_idx ON authors_notes (personality_id);

CREATE TABLE user_prompts (
    scope_key       VARCHAR(100) PRIMARY KEY,
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id  UUID REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    content         VARCHAR(8000) NOT NULL,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX user_prompts_user_idx ON user_prompts (user_id);
CREATE INDEX user_prompts_personality_idx ON user_prompts (personality_id);
