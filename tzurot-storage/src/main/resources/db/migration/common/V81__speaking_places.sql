-- Where characters may speak in a server (no row = every channel): ALLOWLIST = only the listed channels,
-- DENYLIST = every channel but the listed ones. The list is kept when the mode changes.
CREATE TABLE guild_speaking_modes (
    guild_id   VARCHAR(20) PRIMARY KEY,
    mode       VARCHAR(16) NOT NULL CHECK (mode IN ('ALL', 'ALLOWLIST', 'DENYLIST')),
    changed_by VARCHAR(20),
    updated_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE TABLE guild_speaking_channels (
    guild_id   VARCHAR(20) NOT NULL,
    channel_id VARCHAR(20) NOT NULL,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

-- Ghost channels: the bot records what is said to characters there but never posts.
CREATE TABLE ghost_channels (
    channel_id VARCHAR(20) PRIMARY KEY,
    guild_id   VARCHAR(20) NOT NULL,
    enabled_by VARCHAR(20),
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);

CREATE INDEX idx_ghost_channels_guild ON ghost_channels (guild_id);
