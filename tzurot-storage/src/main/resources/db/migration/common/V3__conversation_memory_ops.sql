-- Conversation history, long-term memory and the operational tables (spec/datamodel.md §1.4, §1.5, §1.8).
-- Array defaults, the JSON GIN indexes, partial indexes and the vector index live in the vendor V3_1 files.

CREATE TABLE conversation_history (
    id                 UUID PRIMARY KEY,
    channel_id         VARCHAR(20)  NOT NULL,
    guild_id           VARCHAR(20),
    personality_id     UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    persona_id         UUID NOT NULL REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    role               VARCHAR(20)  NOT NULL,
    content            TEXT NOT NULL,
    token_count        INTEGER,
    discord_message_id ${text_array} NOT NULL,
    message_metadata   ${json} NOT NULL DEFAULT '{}',
    deleted_at         TIMESTAMP(3) WITH TIME ZONE,
    edited_at          TIMESTAMP(3) WITH TIME ZONE,
    created_at         TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT conversation_history_role_check CHECK (role IN ('user', 'assistant', 'system'))
);
CREATE INDEX conversation_history_channel_personality_created_idx
    ON conversation_history (channel_id, personality_id, created_at DESC);
CREATE INDEX conversation_history_persona_id_idx ON conversation_history (persona_id);
CREATE INDEX conversation_history_deleted_at_idx ON conversation_history (deleted_at);
CREATE INDEX conversation_history_created_at_idx ON conversation_history (created_at);

-- Ids of purged history rows, so a database sync does not bring them back.
CREATE TABLE conversation_history_tombstones (
    id             UUID PRIMARY KEY,
    channel_id     VARCHAR(20) NOT NULL,
    personality_id UUID NOT NULL,
    persona_id     UUID NOT NULL,
    deleted_at     TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX conversation_history_tombstones_deleted_at_idx ON conversation_history_tombstones (deleted_at);

CREATE TABLE pending_memories (
    id                      UUID PRIMARY KEY,
    conversation_history_id UUID REFERENCES conversation_history (id) ON DELETE CASCADE ON UPDATE CASCADE,
    persona_id              UUID NOT NULL REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id          UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    text                    TEXT NOT NULL,
    metadata                ${json} NOT NULL DEFAULT '{}',
    attempts                INTEGER NOT NULL DEFAULT 0,
    last_attempt_at         TIMESTAMP(3) WITH TIME ZONE,
    error                   TEXT,
    created_at              TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT pending_memories_conversation_history_id_key UNIQUE (conversation_history_id)
);
CREATE INDEX pending_memories_attempts_created_idx ON pending_memories (attempts, created_at);

CREATE TABLE memories (
    id                     UUID PRIMARY KEY,
    persona_id             UUID REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id         UUID NOT NULL REFERENCES personalities (id) ON DELETE CASCADE ON UPDATE CASCADE,
    content                TEXT NOT NULL,
    embedding              ${vector384},
    is_summarized          BOOLEAN NOT NULL DEFAULT FALSE,
    original_message_count INTEGER,
    summarized_at          TIMESTAMP(3) WITH TIME ZONE,
    session_id             VARCHAR(255),
    canon_scope            VARCHAR(20),
    summary_type           VARCHAR(50),
    channel_id             VARCHAR(20),
    guild_id               VARCHAR(20),
    message_ids            ${text_array} NOT NULL,
    senders                ${text_array} NOT NULL,
    created_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at             TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    legacy_shapes_user_id  UUID,
    source_system          VARCHAR(50) NOT NULL DEFAULT 'tzurot-v3',
    type                   VARCHAR(20) NOT NULL DEFAULT 'memory',
    is_locked              BOOLEAN NOT NULL DEFAULT FALSE,
    visibility             VARCHAR(20) NOT NULL DEFAULT 'normal',
    chunk_group_id         UUID,
    chunk_index            INTEGER,
    total_chunks           INTEGER,
    CONSTRAINT memories_visibility_check CHECK (visibility IN ('normal', 'deleted', 'hidden', 'archived'))
);
CREATE INDEX memories_persona_personality_idx ON memories (persona_id, personality_id);
CREATE INDEX memories_personality_id_idx ON memories (personality_id);
CREATE INDEX memories_channel_id_idx ON memories (channel_id);
CREATE INDEX memories_guild_id_idx ON memories (guild_id);
CREATE INDEX memories_session_id_idx ON memories (session_id);
CREATE INDEX memories_is_summarized_idx ON memories (is_summarized);
CREATE INDEX memories_legacy_shapes_user_id_idx ON memories (legacy_shapes_user_id);
CREATE INDEX memories_source_system_idx ON memories (source_system);
CREATE INDEX memories_visibility_idx ON memories (visibility);
CREATE INDEX memories_created_at_idx ON memories (created_at DESC);

CREATE TABLE llm_diagnostic_logs (
    id                   UUID PRIMARY KEY,
    request_id           VARCHAR(255) NOT NULL,
    trigger_message_id   VARCHAR(20),
    response_message_ids ${text_array} NOT NULL,
    personality_id       UUID,
    user_id              VARCHAR(20),
    guild_id             VARCHAR(20),
    channel_id           VARCHAR(20),
    model                VARCHAR(255) NOT NULL,
    provider             VARCHAR(50)  NOT NULL,
    duration_ms          INTEGER NOT NULL,
    data                 ${json} NOT NULL,
    created_at           TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT llm_diagnostic_logs_request_id_key UNIQUE (request_id)
);
CREATE INDEX llm_diagnostic_logs_created_at_idx ON llm_diagnostic_logs (created_at);
CREATE INDEX llm_diagnostic_logs_trigger_message_id_idx ON llm_diagnostic_logs (trigger_message_id);
CREATE INDEX llm_diagnostic_logs_user_id_idx ON llm_diagnostic_logs (user_id);

CREATE TABLE usage_logs (
    id           UUID PRIMARY KEY,
    user_id      UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    provider     VARCHAR(20)  NOT NULL,
    model        VARCHAR(255) NOT NULL,
    tokens_in    INTEGER NOT NULL,
    tokens_out   INTEGER NOT NULL,
    request_type VARCHAR(50)  NOT NULL,
    created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX usage_logs_user_created_idx ON usage_logs (user_id, created_at);
CREATE INDEX usage_logs_provider_created_idx ON usage_logs (provider, created_at);
CREATE INDEX usage_logs_created_at_idx ON usage_logs (created_at);

CREATE TABLE job_results (
    job_id       VARCHAR(255) PRIMARY KEY,
    request_id   VARCHAR(255) NOT NULL,
    result       ${json} NOT NULL,
    status       VARCHAR(20)  NOT NULL DEFAULT 'PENDING_DELIVERY',
    completed_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    delivered_at TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT job_results_status_check CHECK (status IN ('PENDING_DELIVERY', 'DELIVERED'))
);
CREATE INDEX job_results_status_completed_idx ON job_results (status, completed_at);
CREATE INDEX job_results_delivered_at_idx ON job_results (delivered_at);

-- Descriptions of images and transcripts of audio, keyed by attachment id or content hash.
CREATE TABLE image_description_cache (
    id               UUID PRIMARY KEY,
    attachment_id    VARCHAR(128) NOT NULL,
    description      TEXT,
    model            VARCHAR(255),
    failure_category VARCHAR(50),
    created_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT image_description_cache_attachment_id_key UNIQUE (attachment_id),
    CONSTRAINT image_description_cache_outcome_check CHECK (
        (description IS NOT NULL AND failure_category IS NULL) OR (description IS NULL AND failure_category IS NOT NULL))
);

CREATE TABLE import_jobs (
    id                UUID PRIMARY KEY,
    user_id           UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    personality_id    UUID REFERENCES personalities (id) ON DELETE SET NULL ON UPDATE CASCADE,
    source_slug       VARCHAR(255) NOT NULL,
    source_service    VARCHAR(50)  NOT NULL,
    status            VARCHAR(20)  NOT NULL DEFAULT 'pending',
    import_type       VARCHAR(20)  NOT NULL DEFAULT 'full',
    memories_imported INTEGER NOT NULL DEFAULT 0,
    memories_failed   INTEGER NOT NULL DEFAULT 0,
    error_message     TEXT,
    import_metadata   ${json},
    started_at        TIMESTAMP(3) WITH TIME ZONE,
    completed_at      TIMESTAMP(3) WITH TIME ZONE,
    created_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT import_jobs_user_slug_service_key UNIQUE (user_id, source_slug, source_service),
    CONSTRAINT import_jobs_status_check CHECK (status IN ('pending', 'in_progress', 'completed', 'failed')),
    CONSTRAINT import_jobs_type_check CHECK (import_type IN ('full', 'memory_only'))
);
CREATE INDEX import_jobs_status_started_idx ON import_jobs (status, started_at);

CREATE TABLE export_jobs (
    id              UUID PRIMARY KEY,
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    source_slug     VARCHAR(255) NOT NULL,
    source_service  VARCHAR(50)  NOT NULL,
    format          VARCHAR(20)  NOT NULL DEFAULT 'json',
    status          VARCHAR(20)  NOT NULL DEFAULT 'pending',
    file_name       VARCHAR(255),
    file_content    TEXT,
    file_size_bytes INTEGER,
    error_message   TEXT,
    export_metadata ${json},
    started_at      TIMESTAMP(3) WITH TIME ZONE,
    completed_at    TIMESTAMP(3) WITH TIME ZONE,
    expires_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT export_jobs_user_slug_service_format_key UNIQUE (user_id, source_slug, source_service, format),
    CONSTRAINT export_jobs_status_check CHECK (status IN ('pending', 'in_progress', 'completed', 'failed')),
    CONSTRAINT export_jobs_format_check CHECK (format IN ('json', 'markdown'))
);
CREATE INDEX export_jobs_status_started_idx ON export_jobs (status, started_at);
CREATE INDEX export_jobs_expires_at_idx ON export_jobs (expires_at);

CREATE TABLE shapes_persona_mappings (
    id                  UUID PRIMARY KEY,
    shapes_user_id      UUID NOT NULL,
    persona_id          UUID NOT NULL REFERENCES personas (id) ON DELETE CASCADE ON UPDATE CASCADE,
    mapped_by           UUID REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
    verification_status VARCHAR(20) NOT NULL DEFAULT 'unverified',
    created_at          TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT shapes_persona_mappings_shapes_user_id_key UNIQUE (shapes_user_id)
);
CREATE INDEX shapes_persona_mappings_persona_id_idx ON shapes_persona_mappings (persona_id);
