package io.tzurot.app.config;

import io.tzurot.storage.db.DatabaseSettings;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated configuration of one process. Built by {@link #from(ConfigSources)}, which checks every
 * value and throws {@link ConfigException} naming the first wrong one.
 */
public record TzurotConfig(
        Path dataDir,
        String httpHost,
        int httpPort,
        Set<Role> roles,
        Optional<DatabaseSettings> database,
        Optional<URI> redisUrl,
        Optional<String> encryptionKeyHex,
        Optional<String> discordToken,
        Optional<String> botOwnerId,
        Optional<URI> discordRestUrl,
        Optional<URI> discordGatewayUrl,
        Optional<String> publicUrl,
        URI llmBaseUrl,
        Optional<String> llmApiKey,
        String defaultModel,
        ConfigSources sources) {

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern REDIS_PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern HEAP = Pattern.compile("([1-9][0-9]{0,5})([mMgG])");
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{15,20}");

    /** Which storage and messaging this configuration selects. */
    public Profile profile() {
        if (database.isEmpty() && redisUrl.isEmpty()) {
            return Profile.EMBEDDED;
        }
        if (database.isPresent() && redisUrl.isPresent()) {
            return Profile.DISTRIBUTED;
        }
        return Profile.MIXED;
    }

    public static TzurotConfig from(ConfigSources s) {
        Path dataDir = path(s, Variable.TZUROT_DATA_DIR);
        String host = s.value(Variable.TZUROT_HTTP_HOST);
        int port = port(s, Variable.TZUROT_HTTP_PORT);
        Set<Role> roles;
        try {
            roles = Role.parseList(s.value(Variable.TZUROT_ROLES));
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(Variable.TZUROT_ROLES, s.value(Variable.TZUROT_ROLES), e.getMessage());
        }
        Optional<DatabaseSettings> database = Optional.ofNullable(s.value(Variable.TZUROT_DATABASE_URL)).map(url -> {
            try {
                return DatabaseSettings.fromUrl(url);
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(Variable.TZUROT_DATABASE_URL, url, e.getMessage());
            }
        });
        Optional<URI> redis = Optional.ofNullable(s.value(Variable.TZUROT_REDIS_URL))
                .map(v -> uri(Variable.TZUROT_REDIS_URL, v, Set.of("redis", "rediss"), "redis://[:password@]host[:port][/db]"));
        Optional<String> key = Optional.ofNullable(s.value(Variable.TZUROT_ENCRYPTION_KEY)).map(v -> {
            if (!HEX_64.matcher(v).matches()) {
                throw ConfigException.invalid(Variable.TZUROT_ENCRYPTION_KEY, v,
                        "expected exactly 64 hex characters (256 bits), e.g. from 'openssl rand -hex 32'");
            }
            return v;
        });
        Optional<String> owner = Optional.ofNullable(s.value(Variable.BOT_OWNER_ID)).map(v -> {
            if (!SNOWFLAKE.matcher(v).matches()) {
                throw ConfigException.invalid(Variable.BOT_OWNER_ID, v, "expected a Discord user id (15-20 digits)");
            }
            return v;
        });
        Optional<String> token = Optional.ofNullable(s.value(Variable.DISCORD_TOKEN)).map(v -> {
            if (v.chars().anyMatch(Character::isWhitespace)) {
                throw ConfigException.invalid(Variable.DISCORD_TOKEN, v, "expected a bot token without spaces");
            }
            return v;
        });
        Optional<URI> rest = Optional.ofNullable(s.value(Variable.DISCORD_REST_URL))
                .map(v -> uri(Variable.DISCORD_REST_URL, v, Set.of("http", "https"), "an http(s) URL"));
        Optional<URI> gateway = Optional.ofNullable(s.value(Variable.DISCORD_GATEWAY_URL))
                .map(v -> uri(Variable.DISCORD_GATEWAY_URL, v, Set.of("ws", "wss"), "a ws(s) URL"));
        Optional<String> publicUrl = Optional.ofNullable(s.value(Variable.TZUROT_PUBLIC_URL))
                .map(v -> uri(Variable.TZUROT_PUBLIC_URL, v, Set.of("http", "https"), "an http(s) URL").toString());
        URI llm = uri(Variable.TZUROT_LLM_BASE_URL, s.value(Variable.TZUROT_LLM_BASE_URL), Set.of("http", "https"),
                "an http(s) URL of an OpenAI-compatible API, e.g. https://openrouter.ai/api/v1");
        Optional<String> llmKey = Optional.ofNullable(s.value(Variable.TZUROT_LLM_API_KEY))
                .or(() -> Optional.ofNullable(s.value(Variable.OPENROUTER_API_KEY)));
        String model = s.value(Variable.TZUROT_DEFAULT_MODEL);
        if (model.length() > 200 || model.chars().anyMatch(Character::isWhitespace)) {
            throw ConfigException.invalid(Variable.TZUROT_DEFAULT_MODEL, model, "expected a model id such as anthropic/claude-haiku-4.5");
        }
        redisPrefix(s);
        commandsGuildId(s);
        workerSlots(s);
        historyRetention(s);
        llmTimeout(s);
        maxHeapMib(s);
        metricsPort(s);
        logFormat(s);
        autoTranscribeVoice(s);
        transcriptSpoilerWords(s);
        FactsPreset.parse(s.value(Variable.TZUROT_FACTS_PRESET));
        SummarySettings.from(s);
        shapesBaseUrl(s);
        PluralKitConfig.from(s);
        return new TzurotConfig(dataDir, host, port, roles, database, redis, key, token, owner, rest, gateway, publicUrl, llm,
                llmKey,
                model, s);
    }

    /** {@code TZUROT_SHAPES_BASE_URL}: the shapes.inc site imports read from. */
    public URI shapesBaseUrl() {
        return shapesBaseUrl(sources);
    }

    private static URI shapesBaseUrl(ConfigSources s) {
        return uri(Variable.TZUROT_SHAPES_BASE_URL, s.value(Variable.TZUROT_SHAPES_BASE_URL), Set.of("http", "https"),
                "an http(s) URL, e.g. https://shapes.inc");
    }

    /** The prefix of every Redis key of this deployment. */
    public String redisPrefix() {
        return redisPrefix(sources);
    }

    /** {@code TZUROT_HISTORY_RETENTION_DAYS}: how old history may get before a worker deletes it; empty = kept. */
    public Optional<java.time.Duration> historyRetention() {
        return historyRetention(sources);
    }

    private static Optional<java.time.Duration> historyRetention(ConfigSources s) {
        String value = s.value(Variable.TZUROT_HISTORY_RETENTION_DAYS);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= 36_500) {
                return Optional.of(java.time.Duration.ofDays(days));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(Variable.TZUROT_HISTORY_RETENTION_DAYS, value, "expected a number of days from 1 to 36500");
    }

    /** How many reply jobs a worker of this process runs at once. */
    public int workerSlots() {
        return workerSlots(sources);
    }

    /** The management port of a process without the api role; empty when {@code TZUROT_METRICS_PORT=off}. */
    public java.util.OptionalInt metricsPort() {
        return metricsPort(sources);
    }

    /** True when the management port is the default one rather than chosen by the operator. */
    public boolean metricsPortIsDefault() {
        return sources.get(Variable.TZUROT_METRICS_PORT).source() == Source.DEFAULT;
    }

    /** {@code TZUROT_LOG_FORMAT}: {@code text} or {@code json}. */
    public LogFormat logFormat() {
        return logFormat(sources);
    }

    private static java.util.OptionalInt metricsPort(ConfigSources s) {
        String value = s.value(Variable.TZUROT_METRICS_PORT).strip();
        if (value.equalsIgnoreCase("off")) {
            return java.util.OptionalInt.empty();
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return java.util.OptionalInt.of(port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(Variable.TZUROT_METRICS_PORT, value,
                "expected a port number from 1 to 65535, 0 for any free port, or off");
    }

    private static LogFormat logFormat(ConfigSources s) {
        String value = s.value(Variable.TZUROT_LOG_FORMAT);
        return LogFormat.parse(value).orElseThrow(() -> ConfigException.invalid(Variable.TZUROT_LOG_FORMAT, value,
                "expected text or json"));
    }

    /** {@code DISCORD_COMMANDS_GUILD_ID}: the one server the slash commands are registered in; empty for global. */
    public Optional<String> commandsGuildId() {
        return commandsGuildId(sources);
    }

    private static Optional<String> commandsGuildId(ConfigSources s) {
        return Optional.ofNullable(s.value(Variable.DISCORD_COMMANDS_GUILD_ID)).map(String::strip)
                .filter(v -> !v.isEmpty()).map(v -> {
                    if (!SNOWFLAKE.matcher(v).matches()) {
                        throw ConfigException.invalid(Variable.DISCORD_COMMANDS_GUILD_ID, v,
                                "expected a Discord server id (15-20 digits)");
                    }
                    return v;
                });
    }

    /** {@code TZUROT_LLM_TIMEOUT}: how long one model call may take before it counts as timed out. */
    public java.time.Duration llmTimeout() {
        return llmTimeout(sources);
    }

    private static java.time.Duration llmTimeout(ConfigSources s) {
        String value = s.value(Variable.TZUROT_LLM_TIMEOUT).strip();
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 1 && seconds <= 3600) {
                return java.time.Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(Variable.TZUROT_LLM_TIMEOUT, value, "expected whole seconds from 1 to 3600 (default 180)");
    }

    /** {@code TZUROT_SUMMARY_*}: which model summarizes old memories (or none), and which memories qualify. */
    public SummarySettings summaries() {
        return SummarySettings.from(sources);
    }

    /** {@code TZUROT_FACTS_PRESET}: which model extracts memory facts, or none. */
    public FactsPreset factsPreset() {
        return FactsPreset.parse(sources.value(Variable.TZUROT_FACTS_PRESET));
    }

    /** {@code TZUROT_PLURALKIT*}: whether and how PluralKit reposts are answered as their human author's. */
    public PluralKitConfig pluralKit() {
        return PluralKitConfig.from(sources);
    }

    /** {@code AUTO_TRANSCRIBE_VOICE}: whether the bot transcribes voice messages and posts the transcript. */
    public boolean autoTranscribeVoice() {
        return autoTranscribeVoice(sources);
    }

    /** {@code TZUROT_TRANSCRIPT_SPOILER_WORDS}: words hidden behind spoiler bars in posted voice transcripts. */
    public io.tzurot.core.text.SpoilerWords transcriptSpoilerWords() {
        return transcriptSpoilerWords(sources);
    }

    private static io.tzurot.core.text.SpoilerWords transcriptSpoilerWords(ConfigSources s) {
        String value = s.value(Variable.TZUROT_TRANSCRIPT_SPOILER_WORDS);
        try {
            return io.tzurot.core.text.SpoilerWords.parse(Variable.TZUROT_TRANSCRIPT_SPOILER_WORDS.name(), value);
        } catch (io.tzurot.core.failure.DomainException e) {
            throw ConfigException.invalid(Variable.TZUROT_TRANSCRIPT_SPOILER_WORDS, value, e.getMessage());
        }
    }

    /** {@code TZUROT_MAX_HEAP} in MiB, when set; the launcher passes it to the JVM as {@code -Xmx}. */
    public Optional<Integer> maxHeapMib() {
        return maxHeapMib(sources);
    }

    // the same rule and message as the ./tzurot launcher, which checks it before the JVM starts
    private static Optional<Integer> maxHeapMib(ConfigSources s) {
        String value = s.value(Variable.TZUROT_MAX_HEAP);
        if (value == null) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = HEAP.matcher(value);
        if (m.matches()) {
            int mib = Integer.parseInt(m.group(1)) * (m.group(2).equalsIgnoreCase("g") ? 1024 : 1);
            if (mib >= 128 && mib <= 65536) {
                return Optional.of(mib);
            }
        }
        throw ConfigException.invalid(Variable.TZUROT_MAX_HEAP, value, "expected a heap size such as 512m or 2g, from 128m to 64g");
    }

    private static boolean autoTranscribeVoice(ConfigSources s) {
        String value = s.value(Variable.AUTO_TRANSCRIBE_VOICE).strip().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw ConfigException.invalid(Variable.AUTO_TRANSCRIBE_VOICE, value, "expected true or false");
        }
        return value.equals("true");
    }

    private static String redisPrefix(ConfigSources s) {
        String value = s.value(Variable.TZUROT_REDIS_PREFIX);
        if (!REDIS_PREFIX.matcher(value).matches()) {
            throw ConfigException.invalid(Variable.TZUROT_REDIS_PREFIX, value,
                    "expected 1-64 letters, digits, '_', '-' or '.' (e.g. tzurot)");
        }
        return value;
    }

    private static int workerSlots(ConfigSources s) {
        String value = s.value(Variable.TZUROT_WORKER_SLOTS);
        try {
            int slots = Integer.parseInt(value);
            if (slots >= 1 && slots <= 4096) {
                return slots;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ConfigException.invalid(Variable.TZUROT_WORKER_SLOTS, value, "expected a number from 1 to 4096");
    }

    /** The same configuration running other roles (from {@code start --roles}). */
    public TzurotConfig withRoles(String rolesText) {
        return from(sources.with(Variable.TZUROT_ROLES, rolesText, Source.COMMAND_LINE));
    }

    private static Path path(ConfigSources s, Variable v) {
        String value = s.value(v);
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw ConfigException.invalid(v, value, "expected a directory path");
        }
    }

    private static int port(ConfigSources s, Variable v) {
        String value = s.value(v);
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw ConfigException.invalid(v, value, "expected a port number from 1 to 65535 (0 picks a free port)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw ConfigException.invalid(v, value, "expected a port number from 1 to 65535 (0 picks a free port)");
        }
    }

    private static URI uri(Variable v, String value, Set<String> schemes, String expected) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT))
                    || uri.getHost() == null) {
                throw ConfigException.invalid(v, value, "expected " + expected);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw ConfigException.invalid(v, value, "expected " + expected);
        }
    }

    /** Where the data lives, for people: the database (without its password) or the embedded one's folder. */
    public String databaseDescription() {
        return database.map(DatabaseSettings::describe).orElse("the embedded database in " + dataDir);
    }
}
