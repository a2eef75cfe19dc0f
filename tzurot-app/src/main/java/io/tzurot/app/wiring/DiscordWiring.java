package io.tzurot.app.wiring;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.reply.DescribingAttachments;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.discord.bot.DiscordBot;
import io.tzurot.discord.bot.DiscordLoginException;
import io.tzurot.discord.bot.DiscordServices;
import io.tzurot.discord.bot.DiscordSettings;
import io.tzurot.discord.bot.ShardRange;
import io.tzurot.storage.delivery.JdbiDeliveredMessageRepository;
import java.time.Clock;
import java.util.Optional;

/** The {@code discord} role: the JDA bot wired to storage and the reply service. */
public final class DiscordWiring {

    private DiscordWiring() {
    }

    /**
     * Logs the bot in (every shard of {@code shards}) and returns it running; empty when no token is configured.
     *
     * @throws ConfigException when the token or an endpoint is rejected (exit code 2)
     */
    public static Optional<DiscordBot> start(TzurotConfig config, Repositories repos, ModelComponents models,
                                             byte[] masterKey, ReplyService replies, ShardRange shards, Clock clock) {
        if (config.discordToken().isEmpty()) {
            return Optional.empty();
        }
        DiscordSettings settings;
        try {
            settings = new DiscordSettings(config.discordToken().get(), config.discordRestUrl(), config.discordGatewayUrl(),
                    shards, config.publicUrl(), config.botOwnerId(), '@');
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        DiscordServices services = new DiscordServices(repos.personalities(), repos.channels(), repos.denylist(),
                repos.users(), new JdbiDeliveredMessageRepository(repos.database().jdbi()), replies, clock)
                .withHistory(repos.history());
        if (config.autoTranscribeVoice()) {
            services = services.withVoice(voice(config, repos, models, masterKey, clock));
        }
        DiscordBot bot = new DiscordBot(settings, services);
        try {
            bot.start();
        } catch (DiscordLoginException e) {
            bot.close();
            throw new ConfigException("DISCORD_TOKEN: " + e.getMessage());
        }
        return Optional.of(bot);
    }

    private static VoiceTranscriptions voice(TzurotConfig config, Repositories repos, ModelComponents models,
                                             byte[] masterKey, Clock clock) {
        ReplyEngine.Settings engine = ReplyEngine.Settings.of(config);
        DescribingAttachments attachments = new DescribingAttachments(models.vision(), models.transcriber(),
                models.attachments(), repos.descriptions(), engine.media(), engine.provider(), clock);
        return new VoiceTranscriptions(attachments, repos.users(), new RevealApiKey(repos.apiKeys(),
                new ApiKeyCipher(masterKey)), engine.provider());
    }
}
