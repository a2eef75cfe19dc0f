package io.tzurot.app.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every environment variable Tzurot reads, with its default and whether it is secret. */
public enum Variable {
    TZUROT_DATA_DIR("./tzurot-data", false, "where the embedded database, the generated encryption key and caches live"),
    TZUROT_HTTP_HOST("127.0.0.1", false, "address the HTTP server binds (health, API, console)"),
    TZUROT_HTTP_PORT("8080", false, "port of the HTTP server"),
    TZUROT_ROLES("discord,api,worker", false, "roles this process runs (start --roles overrides)"),
    TZUROT_DATABASE_URL(null, true, "PostgreSQL URL; unset = embedded H2 in the data dir"),
    TZUROT_REDIS_URL(null, true, "Redis URL; unset = in-process queue, events and keys"),
    TZUROT_REDIS_PREFIX("tzurot", false, "prefix of every Redis key, so several deployments can share one Redis"),
    TZUROT_WORKER_SLOTS("256", false, "reply jobs one worker process holds at once (waiting on the model costs no thread)"),
    TZUROT_ENCRYPTION_KEY(null, true, "64 hex chars (AES-256) for stored API keys; generated into the data dir when unset"),
    DISCORD_TOKEN(null, true, "the Discord bot token"),
    BOT_OWNER_ID(null, false, "the Discord user id of the bot's owner (admin rights)"),
    DISCORD_REST_URL(null, false, "optional Discord REST base URL (a shared proxy, or the simulator)"),
    DISCORD_GATEWAY_URL(null, false, "optional Discord gateway URL (the simulator in tests)"),
    AUTO_TRANSCRIBE_VOICE("false", false, "true: voice messages in Discord are transcribed and the transcript posted"),
    TZUROT_PUBLIC_URL(null, false, "public base URL of this server, for character avatars in Discord"),
    TZUROT_LLM_BASE_URL("https://openrouter.ai/api/v1", false, "any OpenAI-compatible provider"),
    TZUROT_LLM_TIMEOUT("180", false, "seconds one model call may take before it is retried (3 attempts in all)"),
    TZUROT_LLM_API_KEY(null, true, "the provider key (OPENROUTER_API_KEY is accepted too)"),
    OPENROUTER_API_KEY(null, true, "alternative name for the provider key"),
    TZUROT_DEFAULT_MODEL("anthropic/claude-haiku-4.5", false, "model of the built-in preset");

    private static final Pattern URL_PASSWORD = Pattern.compile("^([a-z+]+://[^:/@]*:)([^@]*)(@.*)$");

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
     * The value as it may be shown: URLs lose their password, the master key is hidden entirely, other
     * secrets keep only their last four characters when long enough that four reveal nothing useful.
     */
    public String display(String value) {
        if (value == null) {
            return "";
        }
        if (!secret) {
            return value;
        }
        if (this == TZUROT_DATABASE_URL || this == TZUROT_REDIS_URL) {
            return maskUrlPassword(value);
        }
        if (this == TZUROT_ENCRYPTION_KEY) {
            return "****"; // even a few characters of the master key narrow a search
        }
        return value.length() >= 20 ? "****" + value.substring(value.length() - 4) : "****";
    }

    /**
     * The URL without its credentials. A URL too broken to parse still loses everything before its last '@' (where a
     * password would sit) and any query naming a password: a typo must not put the secret on the screen.
     */
    private static String maskUrlPassword(String url) {
        Matcher m = URL_PASSWORD.matcher(url);
        if (m.matches()) {
            return m.group(1) + "****" + m.group(3);
        }
        int at = url.lastIndexOf('@');
        if (at >= 0) {
            int schemeEnd = url.indexOf("://");
            int from = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
            url = url.substring(0, from) + "****" + url.substring(at);
        }
        int scheme = url.indexOf("://");
        if (at < 0 && scheme < 0 && url.indexOf(':') >= 0) {
            return "****"; // no URL shape to tell a password from a host by: show none of it
        }
        if (at < 0 && scheme >= 0) {
            // "scheme://user:secret" cut short before its host: after a ':' only a port (digits) may be shown
            int start = scheme + 3;
            int end = start;
            while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
                end++;
            }
            int colon = url.indexOf(':', start);
            if (colon >= 0 && colon < end && !url.substring(colon + 1, end).matches("\\d*")) {
                url = url.substring(0, colon + 1) + "****" + url.substring(end);
            }
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        int query = url.indexOf('?');
        if (lower.contains("password")) {
            return query >= 0 && query < lower.indexOf("password") ? url.substring(0, query) + "?****" : "****";
        }
        return url;
    }
}
