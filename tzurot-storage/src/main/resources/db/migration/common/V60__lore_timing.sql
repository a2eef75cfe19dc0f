-- Lorebook timed effects (issue 18): per scope (a channel with a character) the number of turns scanned and, per
-- entry, until which turn it stays (sticky) and is blocked (cooldown), as one small JSON document.
CREATE TABLE lore_timing (
    scope       VARCHAR(200) PRIMARY KEY,
    turn        BIGINT NOT NULL,
    effects     TEXT NOT NULL,
    updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
