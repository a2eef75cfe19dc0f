-- Character cards (issue 14): what a character imported from a SillyTavern card had beyond Tzurot's fields: the
-- card JSON as it came (TEXT, so key order survives) without its lorebook, and the other files of a CHARX card.
CREATE TABLE personality_cards (
    personality_id  UUID PRIMARY KEY REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    card_json       TEXT NOT NULL,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE TABLE personality_card_assets (
    personality_id  UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    ordinal         INTEGER NOT NULL,
    path            VARCHAR(1024) NOT NULL,
    content         ${bytes} NOT NULL,
    PRIMARY KEY (personality_id, ordinal)
);
