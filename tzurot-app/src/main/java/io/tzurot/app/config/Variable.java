package io.tzurot.app.config;

/** Every environment variable Tzurot reads, with its default and whether it is secret. */
public enum Variable {
    TZUROT_DATA_DIR("./tzurot-data", false, "where the embedded database, the generated encryption key and caches live"),
    TZUROT_HTTP_HOST("127.0.0.1", false, "address the HTTP server binds (health, API, console)"),
    TZUROT_HTTP_PORT("8080", false, "port of the HTTP server"),
    TZUROT_METRICS_PORT("9464", false, "management port (/metrics, /health) of a process without the api role;"
            + " 0 = any free port, off = none (with api, /metrics is on the HTTP port)"),
    TZUROT_LOG_FORMAT("text", false, "log lines as text, or json (one object per line, with requestId and role)"),
    TZUROT_ROLES("discord,api,worker", false, "roles this process runs (start --roles overrides)"),
    TZUROT_DATABASE_URL(null, true, "PostgreSQL URL; unset = embedded H2 in the data dir"),
    TZUROT_REDIS_URL(null, true, "Redis URL; unset = in-process queue, events and keys"),
    TZUROT_REDIS_PREFIX("tzurot", false, "prefix of every Redis key, so several deployments can share one Redis"),
    TZUROT_WORKER_SLOTS("256", false, "reply jobs one worker process holds at once (waiting on the model costs no thread)"),
    TZUROT_HISTORY_RETENTION_DAYS(null, false, "hard cap on conversation history: a worker deletes messages older"
            + " than this many days (1-36500), leaving tombstones; unset = kept"),
    TZUROT_MAX_HEAP(null, false, "largest Java heap of this process, e.g. 512m or 2g (applied by ./tzurot); unset = a"
            + " default for the command and roles"),
    TZUROT_ENCRYPTION_KEY(null, true, "64 hex chars (AES-256) for stored API keys; generated into the data dir when unset"),
    DISCORD_TOKEN(null, true, "the Discord bot token"),
    BOT_OWNER_ID(null, false, "the Discord user id of the bot's owner (admin rights)"),
    DISCORD_REST_URL(null, false, "optional Discord REST base URL (a shared proxy, or the simulator)"),
    DISCORD_GATEWAY_URL(null, false, "optional Discord gateway URL (the simulator in tests)"),
    DISCORD_COMMANDS_GUILD_ID(null, false, "optional: register the slash commands in this Discord server only (instant,"
            + " for development) instead of globally"),
    TZUROT_FACTS_PRESET(null, false, "memory facts: id of the preset whose (cheap) model extracts them after each"
            + " exchange; reply = the reply's own model; unset or off = no extraction"),
    TZUROT_SUMMARY_PRESET(null, false, "long-term-memory summaries: id of the preset whose (cheap) model summarizes old"
            + " memories in the background; reply = the character's own model; unset or off = no summaries"),
    TZUROT_SUMMARY_MIN_AGE_DAYS("30", false, "memory summaries cover memories older than this many days (1-36500)"),
    TZUROT_SUMMARY_MIN_MEMORIES("10", false, "memory summaries: a conversation's week is summarized once it holds at"
            + " least this many old memories (2-1000)"),
    AUTO_TRANSCRIBE_VOICE("false", false, "true: voice messages in Discord are transcribed and the transcript posted"),
    TZUROT_TRANSCRIPT_SPOILER_WORDS(null, false, "comma-separated words hidden behind spoiler bars (||word||) in posted"
            + " voice transcripts; whole words, any case"),
    TZUROT_PLURALKIT("off", false, "on: messages PluralKit reposts through its webhook are answered as their human"
            + " author's, and a person's server message waits TZUROT_PLURALKIT_GRACE_MS in case PluralKit replaces it"),
    TZUROT_PLURALKIT_BASE_URL("https://api.pluralkit.me/v2", false, "the PluralKit API asked who wrote a webhook"
            + " message (a fake one in tests)"),
    TZUROT_PLURALKIT_GRACE_MS("1500", false, "with TZUROT_PLURALKIT on: how long (0-10000 ms) a person's server message"
            + " waits; one deleted meanwhile (PluralKit's original) is not answered"),
    TZUROT_PUBLIC_URL(null, false, "public base URL of this server, for character avatars in Discord"),
    TZUROT_LLM_BASE_URL("https://openrouter.ai/api/v1", false, "any OpenAI-compatible provider"),
    TZUROT_LLM_TIMEOUT("180", false, "seconds one model call may take before it is retried (3 attempts in all)"),
    TZUROT_LLM_API_KEY(null, true, "the provider key (OPENROUTER_API_KEY is accepted too)"),
    OPENROUTER_API_KEY(null, true, "alternative name for the provider key"),
    TZUROT_DEFAULT_MODEL("anthropic/claude-haiku-4.5", false, "model of the built-in preset"),
    TZUROT_SHAPES_BASE_URL("https://shapes.inc", false, "the shapes.inc site characters are imported from (a fake one in"
            + " tests)");

    private final String defaultValue;
    private final boolean secret;
    private final String description;

    Variable(String defaultValue, boolean secret, String description) {
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    /**
     * The value as it may be shown: every URL loses its secrets ({@link UrlSecrets}), the master key is hidden
     * entirely, other secrets keep only their last four characters when long enough that four reveal nothing useful.
     */
    public String display(String value) {
        if (value == null) {
            return "";
        }
        // a token or key shaped like a URL is still a token: only its last characters are shown (below)
        if (UrlSecrets.looksLikeUrl(value) && (!secret || this == TZUROT_DATABASE_URL || this == TZUROT_REDIS_URL)) {
            return UrlSecrets.mask(value);
        }
        if (!secret) {
            return value;
        }
        if (this == TZUROT_DATABASE_URL || this == TZUROT_REDIS_URL) {
            return UrlSecrets.mask(value); // not URL-shaped, but may still carry ";password=..."
        }
        if (this == TZUROT_ENCRYPTION_KEY) {
            return "****"; // even a few characters of the master key narrow a search
        }
        return value.length() >= 20 ? "****" + value.substring(value.length() - 4) : "****";
    }
}
