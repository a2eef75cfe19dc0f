-- Access control for the HTTP API and the web console: per-user bearer tokens, console sessions and
-- the operator's one-time login links. Only SHA-256 hashes (64 hex characters) of secrets are stored.

CREATE TABLE api_tokens (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    token_hash   VARCHAR(64)  NOT NULL,
    label        VARCHAR(100) NOT NULL,
    hint         VARCHAR(8)   NOT NULL,
    is_owner     BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    last_used_at TIMESTAMP(3) WITH TIME ZONE,
    CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);

CREATE TABLE web_sessions (
    id_hash    VARCHAR(64) PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    is_owner   BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at TIMESTAMP(3) WITH TIME ZONE NOT NULL
);
CREATE INDEX web_sessions_user_id_idx ON web_sessions (user_id);
CREATE INDEX web_sessions_expires_at_idx ON web_sessions (expires_at);

CREATE TABLE login_links (
    secret_hash VARCHAR(64) PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
    is_owner    BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    expires_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP(3) WITH TIME ZONE
);
CREATE INDEX login_links_expires_at_idx ON login_links (expires_at);
