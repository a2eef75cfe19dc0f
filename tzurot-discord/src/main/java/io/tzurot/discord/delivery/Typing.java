package io.tzurot.discord.delivery;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/** Shows "typing…" in a channel until stopped; Discord shows it for about 10 s, so it is renewed every 8 s. */
public final class Typing {

    private static final long RENEW_SECONDS = 8;

    private final ScheduledExecutorService scheduler;

    public Typing(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the indicator; cancel the returned handle when the reply is ready. */
    public ScheduledFuture<?> start(MessageChannel channel) {
        return scheduler.scheduleAtFixedRate(() -> channel.sendTyping().queue(ok -> { }, error -> { }), 0,
                RENEW_SECONDS, TimeUnit.SECONDS);
    }
}
