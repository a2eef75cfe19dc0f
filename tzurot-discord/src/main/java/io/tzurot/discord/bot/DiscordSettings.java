package io.tzurot.discord.bot;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot connects and presents itself.
 *
 * @param token the bot token ({@code DISCORD_TOKEN}); never logged or printed
 * @param restBaseUrl {@code DISCORD_REST_URL}: anything that speaks Discord's REST API v10, e.g.
 *     {@code http://host:port/api/v10}; empty for Discord itself
 * @param gatewayUrl {@code DISCORD_GATEWAY_URL}: a gateway speaking JSON without compression; empty for Discord
 * @param shards the shards this process runs
 * @param publicBaseUrl where this deployment is publicly reachable; avatars are {@code {base}/avatars/{slug}.png},
 *     empty for none (webhook posts then carry no avatar)
 * @param botOwnerId {@code BOT_OWNER_ID}: never filtered by the denylist, may be empty
 * @param mentionChar {@code BOT_MENTION_CHAR}, usually {@code @}
 * @param commandsGuildId {@code DISCORD_COMMANDS_GUILD_ID}: register the slash commands in this guild only (Discord
 *     applies guild commands at once, global ones can take a while); empty registers them globally
 */
public record DiscordSettings(String token, Optional<URI> restBaseUrl, Optional<URI> gatewayUrl, ShardRange shards,
                              Optional<String> publicBaseUrl, Optional<String> botOwnerId, char mentionChar,
                              Optional<String> commandsGuildId) {

    /** Commands registered globally. */
    public DiscordSettings(String token, Optional<URI> restBaseUrl, Optional<URI> gatewayUrl, ShardRange shards,
                           Optional<String> publicBaseUrl, Optional<String> botOwnerId, char mentionChar) {
        this(token, restBaseUrl, gatewayUrl, shards, publicBaseUrl, botOwnerId, mentionChar, Optional.empty());
    }

    public DiscordSettings {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("DISCORD_TOKEN is required");
        }
        token = token.strip();
        restBaseUrl = Objects.requireNonNullElse(restBaseUrl, Optional.<URI>empty()).map(u -> requireScheme(
                "DISCORD_REST_URL", u, "http", "https"));
        gatewayUrl = Objects.requireNonNullElse(gatewayUrl, Optional.<URI>empty()).map(u -> requireScheme(
                "DISCORD_GATEWAY_URL", u, "ws", "wss"));
        shards = Objects.requireNonNullElse(shards, ShardRange.single());
        publicBaseUrl = Objects.requireNonNullElse(publicBaseUrl, Optional.<String>empty()).map(String::strip)
                .filter(s -> !s.isEmpty()).map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        publicBaseUrl.ifPresent(s -> requireScheme("public base URL", URI.create(s), "http", "https"));
        botOwnerId = Objects.requireNonNullElse(botOwnerId, Optional.<String>empty()).map(String::strip)
                .filter(s -> !s.isEmpty());
        botOwnerId.ifPresent(id -> {
            if (!id.matches("\\d{1,20}")) {
                throw new IllegalArgumentException("BOT_OWNER_ID must be a Discord user id, got '" + id + "'");
            }
        });
        commandsGuildId = Objects.requireNonNullElse(commandsGuildId, Optional.<String>empty()).map(String::strip)
                .filter(s -> !s.isEmpty());
        commandsGuildId.ifPresent(id -> {
            if (!id.matches("\\d{15,20}")) {
                throw new IllegalArgumentException("DISCORD_COMMANDS_GUILD_ID must be a Discord server id (15-20 digits),"
                        + " got '" + id + "'");
            }
        });
        if (Character.isWhitespace(mentionChar) || Character.isLetterOrDigit(mentionChar)) {
            throw new IllegalArgumentException("BOT_MENTION_CHAR must be one symbol, got '" + mentionChar + "'");
        }
    }

    /** Discord itself, one shard, no avatars, no owner, {@code @} mentions. */
    public static DiscordSettings of(String token) {
        return new DiscordSettings(token, Optional.empty(), Optional.empty(), ShardRange.single(), Optional.empty(),
                Optional.empty(), '@');
    }

    public DiscordSettings withEndpoints(URI rest, URI gateway) {
        return new DiscordSettings(token, Optional.of(rest), Optional.of(gateway), shards, publicBaseUrl, botOwnerId,
                mentionChar, commandsGuildId);
    }

    public DiscordSettings withPublicBaseUrl(String base) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, shards, Optional.ofNullable(base), botOwnerId,
                mentionChar, commandsGuildId);
    }

    public DiscordSettings withBotOwner(String ownerId) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, shards, publicBaseUrl, Optional.ofNullable(ownerId),
                mentionChar, commandsGuildId);
    }

    public DiscordSettings withShards(ShardRange range) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, range, publicBaseUrl, botOwnerId, mentionChar,
                commandsGuildId);
    }

    public DiscordSettings withCommandsGuild(String guildId) {
        return new DiscordSettings(token, restBaseUrl, gatewayUrl, shards, publicBaseUrl, botOwnerId, mentionChar,
                Optional.ofNullable(guildId));
    }

    /** JDA wants the REST base with a trailing slash. */
    public Optional<String> restBaseForJda() {
        return restBaseUrl.map(URI::toString).map(s -> s.endsWith("/") ? s : s + "/");
    }

    /** The public avatar URL of a character, when this deployment serves avatars. */
    public Optional<String> avatarUrl(String slug) {
        return publicBaseUrl.map(base -> base + "/avatars/" + slug + ".png");
    }

    /**
     * The avatar URL with a version that changes when the avatar does ({@code changedAt}), so Discord, which
     * caches avatars by URL, shows a new avatar at once (spec/discord.md §1.12).
     */
    public Optional<String> avatarUrl(String slug, Optional<java.time.Instant> changedAt) {
        return avatarUrl(slug).map(url -> changedAt.map(t -> url + "?v=" + t.toEpochMilli()).orElse(url));
    }

    @Override
    public String toString() {
        return "DiscordSettings[token=****, restBaseUrl=" + restBaseUrl + ", gatewayUrl=" + gatewayUrl + ", shards="
                + shards + ", publicBaseUrl=" + publicBaseUrl + ", botOwnerId=" + botOwnerId + ", mentionChar="
                + mentionChar + ", commandsGuildId=" + commandsGuildId + "]";
    }

    private static URI requireScheme(String name, URI uri, String... schemes) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        for (String allowed : schemes) {
            if (allowed.equals(scheme) && uri.getHost() != null) {
                return uri;
            }
        }
        throw new IllegalArgumentException(name + " must be an absolute " + String.join("/", schemes) + " URL, got '"
                + uri + "'");
    }
}
