-- The rest of the identity half of the data model (spec/datamodel.md §1.1-1.3, §1.6, §1.7):
-- personality co-owners, aliases and default presets, per-user overrides and history epochs, admin
-- and channel settings, the denylist, and encrypted user secrets. Portable SQL only; vendor-only
-- indexes live in h2/V2_1 and postgresql/V2_1.

CREATE TABLE personality_owners (
    personality_id UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    user_id        UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    role           VARCHAR(50) NOT NULL DEFAULT 'owner',
    created_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT personality_owners_pkey PRIMARY KEY (personality_id, user_id)
);
CREATE INDEX personality_owners_user_id_idx ON personality_owners (user_id);

-- aliases are stored lowercased, so uniqueness and lookup are both case-insensitive
CREATE TABLE personality_aliases (
    alias          VARCHAR(100) PRIMARY KEY,
    personality_id UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    created_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT personality_aliases_lowercase CHECK (alias = LOWER(alias))
);
CREATE INDEX personality_aliases_personality_id_idx ON personality_aliases (personality_id);

CREATE TABLE personality_default_configs (
    personality_id UUID PRIMARY KEY REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    llm_config_id  UUID NOT NULL REFERENCES llm_configs (id) ON DELETE CASCADE ON UPDATE CASCADE,
    created_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX personality_default_configs_llm_config_id_idx ON personality_default_configs (llm_config_id);

CREATE TABLE user_personality_configs (
    id               UUID PRIMARY KEY,
    user_id          UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id   UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    persona_id       UUID REFERENCES personas (id) ON DELETE SET NULL ON UPDATE CASCADE,
    llm_config_id    UUID REFERENCES llm_configs (id) ON DELETE SET NULL ON UPDATE CASCADE,
    config_overrides ${json},
    created_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT user_personality_configs_user_personality_key UNIQUE (user_id, personality_id)
);
CREATE INDEX user_personality_configs_personality_id_idx ON user_personality_configs (personality_id);
CREATE INDEX user_personality_configs_persona_id_idx ON user_personality_configs (persona_id);
CREATE INDEX user_personality_configs_llm_config_id_idx ON user_personality_configs (llm_config_id);

CREATE TABLE user_persona_history_configs (
    id                     UUID PRIMARY KEY,
    user_id                UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id         UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    persona_id             UUID NOT NULL REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    last_context_reset     TIMESTAMP(3) WITH TIME ZONE,
    previous_context_reset TIMESTAMP(3) WITH TIME ZONE,
    -- single-level undo: true right after a clear; previous_context_reset may be NULL ("never cleared")
    undo_available         BOOLEAN NOT NULL DEFAULT FALSE,
    created_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT user_persona_history_configs_key UNIQUE (user_id, personality_id, persona_id)
);
CREATE INDEX user_persona_history_configs_personality_id_idx ON user_persona_history_configs (personality_id);
CREATE INDEX user_persona_history_configs_persona_id_idx ON user_persona_history_configs (persona_id);

CREATE TABLE admin_settings (
    id              UUID PRIMARY KEY,
    updated_by      UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    config_defaults ${json},
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE channel_settings (
    id                       UUID PRIMARY KEY,
    channel_id               VARCHAR(20) NOT NULL,
    guild_id                 VARCHAR(20),
    activated_personality_id UUID REFERENCES personalities (id) ON DELETE SET NULL ON UPDATE CASCADE,
    auto_respond             BOOLEAN NOT NULL DEFAULT TRUE,
    created_by               UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    created_at               TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at               TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT channel_settings_channel_id_key UNIQUE (channel_id)
);
CREATE INDEX channel_settings_guild_id_idx ON channel_settings (guild_id);
CREATE INDEX channel_settings_activated_personality_id_idx ON channel_settings (activated_personality_id);

CREATE TABLE denylisted_entities (
    id         UUID PRIMARY KEY,
    type       VARCHAR(10) NOT NULL,
    discord_id VARCHAR(20) NOT NULL,
    scope      VARCHAR(15) NOT NULL DEFAULT 'BOT',
    scope_id   VARCHAR(40) NOT NULL DEFAULT '*',
    mode       VARCHAR(10) NOT NULL DEFAULT 'BLOCK',
    reason     TEXT,
    added_by   VARCHAR(20) NOT NULL,
    added_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT denylisted_entities_type_check CHECK (type IN ('USER', 'GUILD')),
    CONSTRAINT denylisted_entities_scope_check CHECK (scope IN ('BOT', 'GUILD', 'CHANNEL', 'PERSONALITY')),
    CONSTRAINT denylisted_entities_mode_check CHECK (mode IN ('BLOCK', 'MUTE')),
    CONSTRAINT denylisted_entities_key UNIQUE (type, discord_id, scope, scope_id)
);
CREATE INDEX denylisted_entities_type_discord_id_idx ON denylisted_entities (type, discord_id);
CREATE INDEX denylisted_entities_type_added_at_idx ON denylisted_entities (type, added_at);

CREATE TABLE user_api_keys (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    provider     VARCHAR(20) NOT NULL DEFAULT 'openrouter',
    iv           VARCHAR(32) NOT NULL,
    content      TEXT NOT NULL,
    tag          VARCHAR(32) NOT NULL,
    is_active    BOOLEAN NOT NULL DEFAULT TRUE,
    last_used_at TIMESTAMP(3) WITH TIME ZONE,
    created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT user_api_keys_user_provider_key UNIQUE (user_id, provider)
);

CREATE TABLE user_credentials (
    id              UUID PRIMARY KEY,
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    service         VARCHAR(50) NOT NULL,
    credential_type VARCHAR(50) NOT NULL,
    iv              VARCHAR(32) NOT NULL,
    content         TEXT NOT NULL,
    tag             VARCHAR(32) NOT NULL,
    expires_at      TIMESTAMP(3) WITH TIME ZONE,
    last_used_at    TIMESTAMP(3) WITH TIME ZONE,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT user_credentials_key UNIQUE (user_id, service, credential_type)
);
