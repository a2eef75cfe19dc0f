package io.tzurot.discord.bot;

import io.tzurot.discord.trigger.DenylistGate;
import java.util.List;
import java.util.concurrent.Executor;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.guild.GuildJoinEvent;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leaves every guild denied bot-wide (a GUILD denial at BOT scope, spec/discord.md §4): one the bot is added to,
 * and at start-up those it is already in. The denylist is read off the gateway thread.
 */
final class GuildDenials implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(GuildDenials.class);

    private final DenylistGate denylist;
    private final Executor workers;

    GuildDenials(DenylistGate denylist, Executor workers) {
        this.denylist = denylist;
        this.workers = workers;
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (event instanceof GuildJoinEvent joined) {
            check(List.of(joined.getGuild()));
        } else if (event instanceof ReadyEvent ready) {
            check(ready.getJDA().getGuilds());
        }
    }

    private void check(List<Guild> guilds) {
        workers.execute(() -> {
            for (Guild guild : guilds) {
                try {
                    if (denylist.deniesGuild(guild.getId())) {
                        LOG.info("leaving guild {} ({}): it is on the denylist", guild.getId(), guild.getName());
                        guild.leave().queue(ok -> { }, error -> LOG.warn("leaving guild {} failed: {}", guild.getId(),
                                error.getMessage()));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("denylist of guild {} not checked: {}", guild.getId(), e.getMessage());
                }
            }
        });
    }
}
