-- The core of the data model (spec/datamodel.md §1.1-1.3): users, personas, system prompts,
-- presets (llm_configs) and personalities. Column types that differ between H2 and PostgreSQL
-- come from Flyway placeholders set by Dialect: ${json}, ${bytes}, ${text_array}, ${vector384}.

CREATE TABLE users (
    id                    UUID PRIMARY KEY,
    discord_id            VARCHAR(20)  NOT NULL,
    username              VARCHAR(255) NOT NULL,
    timezone              VARCHAR(50)  NOT NULL DEFAULT 'UTC',
    is_superuser          BOOLEAN      NOT NULL DEFAULT FALSE,
    nsfw_verified         BOOLEAN      NOT NULL DEFAULT FALSE,
    nsfw_verified_at      TIMESTAMP(3) WITH TIME ZONE,
    default_llm_config_id UUID,
    default_persona_id    UUID,
    config_defaults       ${json},
    created_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT users_discord_id_key UNIQUE (discord_id)
);

CREATE TABLE personas (
    id                             UUID PRIMARY KEY,
    name                           VARCHAR(255) NOT NULL,
    description                    TEXT,
    content                        TEXT NOT NULL,
    preferred_name                 VARCHAR(255),
    pronouns                       VARCHAR(100),
    share_ltm_across_personalities BOOLEAN NOT NULL DEFAULT FALSE,
    owner_id                       UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    created_at                     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at                     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX personas_owner_id_idx ON personas (owner_id);

CREATE TABLE system_prompts (
    id          UUID PRIMARY KEY,
    name        VARCHAR(255) NOT NULL,
    description TEXT,
    content     TEXT NOT NULL,
    is_default  BOOLEAN NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX system_prompts_is_default_idx ON system_prompts (is_default);

CREATE TABLE llm_configs (
    id                    UUID PRIMARY KEY,
    name                  VARCHAR(255) NOT NULL,
    description           TEXT,
    owner_id              UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    is_global             BOOLEAN NOT NULL DEFAULT FALSE,
    is_default            BOOLEAN NOT NULL DEFAULT FALSE,
    is_free_default       BOOLEAN NOT NULL DEFAULT FALSE,
    provider              VARCHAR(20)  NOT NULL DEFAULT 'openrouter',
    model                 VARCHAR(255) NOT NULL,
    vision_model          VARCHAR(255),
    advanced_parameters   ${json},
    context_window_tokens INTEGER NOT NULL DEFAULT 131072,
    -- vestigial in the reference (superseded by the settings cascade); kept for import fidelity
    memory_score_threshold DECIMAL(3, 2),
    memory_limit          INTEGER,
    max_messages          INTEGER NOT NULL DEFAULT 50,
    max_age               INTEGER,
    max_images            INTEGER NOT NULL DEFAULT 10,
    created_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX llm_configs_owner_id_idx ON llm_configs (owner_id);
CREATE INDEX llm_configs_is_global_idx ON llm_configs (is_global);
CREATE INDEX llm_configs_is_free_default_idx ON llm_configs (is_free_default);

ALTER TABLE users ADD CONSTRAINT users_default_llm_config_id_fkey
    FOREIGN KEY (default_llm_config_id) REFERENCES llm_configs (id) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE users ADD CONSTRAINT users_default_persona_id_fkey
    FOREIGN KEY (default_persona_id) REFERENCES personas (id) ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX users_default_llm_config_id_idx ON users (default_llm_config_id);
CREATE INDEX users_default_persona_id_idx ON users (default_persona_id);

CREATE TABLE personalities (
    id                      UUID PRIMARY KEY,
    name                    VARCHAR(255) NOT NULL,
    display_name            VARCHAR(255),
    slug                    VARCHAR(255) NOT NULL,
    system_prompt_id        UUID REFERENCES system_prompts (id) ON DELETE SET NULL ON UPDATE CASCADE,
    owner_id                UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    character_info          TEXT NOT NULL,
    personality_traits      TEXT NOT NULL,
    personality_tone        TEXT,
    personality_age         TEXT,
    personality_appearance  TEXT,
    personality_likes       TEXT,
    personality_dislikes    TEXT,
    conversational_goals    TEXT,
    conversational_examples TEXT,
    error_message           TEXT,
    is_public               BOOLEAN NOT NULL DEFAULT FALSE,
    avatar_data             ${bytes},
    config_defaults         ${json},
    custom_fields           ${json},
    birth_month             INTEGER CHECK (birth_month BETWEEN 1 AND 12),
    birth_day               INTEGER CHECK (birth_day BETWEEN 1 AND 31),
    birth_year              INTEGER CHECK (birth_year BETWEEN 1 AND 9999),
    created_at              TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at              TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT personalities_slug_key UNIQUE (slug)
);
CREATE INDEX personalities_owner_id_idx ON personalities (owner_id);
