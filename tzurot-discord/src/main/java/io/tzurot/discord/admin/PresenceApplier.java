package io.tzurot.discord.admin;

import io.tzurot.core.admin.Presence;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.OnlineStatus;
import net.dv8tion.jda.api.entities.Activity;

/** Shows a {@link Presence} on every shard of this process (at start, and when {@code /admin presence} sets one). */
public final class PresenceApplier {

    private PresenceApplier() {
    }

    public static void apply(List<JDA> shards, Presence presence) {
        OnlineStatus status = switch (presence.status()) {
            case ONLINE -> OnlineStatus.ONLINE;
            case IDLE -> OnlineStatus.IDLE;
            case DND -> OnlineStatus.DO_NOT_DISTURB;
            case INVISIBLE -> OnlineStatus.INVISIBLE;
        };
        Activity activity = switch (presence.kind()) {
            case PLAYING -> Activity.playing(presence.text());
            case LISTENING -> Activity.listening(presence.text());
            case WATCHING -> Activity.watching(presence.text());
            case CUSTOM -> Activity.customStatus(presence.text());
            case COMPETING -> Activity.competing(presence.text());
            case NONE -> null;
        };
        for (JDA jda : shards) {
            jda.getPresence().setPresence(status, activity);
        }
    }
}
