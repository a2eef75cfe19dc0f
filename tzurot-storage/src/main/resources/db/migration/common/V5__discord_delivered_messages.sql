-- Which character posted which Discord message: replying to any of them, however old, continues with
-- that character, and the newest one in a DM channel is the DM's sticky character.
CREATE TABLE discord_delivered_messages (
    message_id     VARCHAR(20) PRIMARY KEY,
    personality_id UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    channel_id     VARCHAR(20) NOT NULL,
    created_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX idx_discord_delivered_channel_created ON discord_delivered_messages (channel_id, created_at);
CREATE INDEX idx_discord_delivered_personality ON discord_delivered_messages (personality_id);
