-- Scenes: a channel holds several activated characters (up to the bot owner's limit), who share its history.
-- The single activated_personality_id of channel_settings becomes rows of channel_activations, in activation
-- order; the channel's speaker strategy decides who answers a message that addresses nobody.
CREATE TABLE channel_activations (
    channel_id     VARCHAR(20) NOT NULL,
    personality_id UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    activated_by   UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    activated_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT channel_activations_pkey PRIMARY KEY (channel_id, personality_id),
    CONSTRAINT channel_activations_channel_fk FOREIGN KEY (channel_id) REFERENCES channel_settings (channel_id)
        ON DELETE CASCADE
);
CREATE INDEX channel_activations_personality_id_idx ON channel_activations (personality_id);

INSERT INTO channel_activations (channel_id, personality_id, activated_by, activated_at)
SELECT channel_id, activated_personality_id, created_by, updated_at FROM channel_settings
WHERE activated_personality_id IS NOT NULL;

-- its foreign key and index go with the column (in both databases)
ALTER TABLE channel_settings DROP COLUMN activated_personality_id;

ALTER TABLE channel_settings ADD COLUMN speaker_strategy VARCHAR(10) DEFAULT 'natural' NOT NULL;
ALTER TABLE channel_settings ADD CONSTRAINT channel_settings_speaker_strategy_check
    CHECK (speaker_strategy IN ('natural', 'list', 'random', 'manual'));

-- The bot owner's limits for every scene: characters per channel, replies per message.
CREATE TABLE scene_limits (
    id             UUID PRIMARY KEY,
    max_characters INTEGER DEFAULT 5 NOT NULL,
    max_replies    INTEGER DEFAULT 3 NOT NULL,
    updated_by     UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    updated_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT scene_limits_max_characters_check CHECK (max_characters BETWEEN 1 AND 25),
    CONSTRAINT scene_limits_max_replies_check CHECK (max_replies BETWEEN 1 AND 25)
);

-- How readily a character speaks up under the natural strategy, 0-100 (absent = 50).
CREATE TABLE personality_talkativeness (
    personality_id UUID PRIMARY KEY REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    weight         INTEGER NOT NULL,
    CONSTRAINT personality_talkativeness_weight_check CHECK (weight BETWEEN 0 AND 100)
);
