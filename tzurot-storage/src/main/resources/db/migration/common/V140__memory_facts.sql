-- Memory facts (issue 18): durable facts about a user, kept per persona and character, extracted from exchanges
-- or written by the user. content_key (lower case, single spaces, no final full stop) de-duplicates them; a locked
-- fact is never changed by extraction. source: 'exchange:<requestId>' or 'user'.
CREATE TABLE memory_facts (
    id              UUID PRIMARY KEY,
    persona_id      UUID NOT NULL REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id  UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    content         VARCHAR(1200) NOT NULL,
    content_key     VARCHAR(1200) NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    locked          BOOLEAN NOT NULL DEFAULT FALSE,
    source          VARCHAR(300) NOT NULL,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    CONSTRAINT memory_facts_key UNIQUE (persona_id, personality_id, content_key)
);
CREATE INDEX memory_facts_personality_idx ON memory_facts (personality_id);
