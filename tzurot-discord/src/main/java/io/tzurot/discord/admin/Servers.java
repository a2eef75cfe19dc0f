package io.tzurot.discord.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;

/** The servers this process's shards are in, largest first. */
final class Servers {

    private final Supplier<List<JDA>> shards;

    Servers(Supplier<List<JDA>> shards) {
        this.shards = Objects.requireNonNull(shards, "shards");
    }

    List<Guild> all() {
        return shards.get().stream().flatMap(jda -> jda.getGuilds().stream())
                .sorted(Comparator.comparingInt(Guild::getMemberCount).reversed().thenComparing(Guild::getName))
                .toList();
    }

    Optional<Guild> find(String id) {
        if (id == null || !id.matches("\\d{1,20}")) {
            return Optional.empty();
        }
        return shards.get().stream().map(jda -> jda.getGuildById(id)).filter(Objects::nonNull).findFirst();
    }

    /** The gateway ping of each shard, in ms. */
    List<Long> pings() {
        return shards.get().stream().map(JDA::getGatewayPing).toList();
    }

    static String members(Guild guild) {
        int n = guild.getMemberCount();
        return n + (n == 1 ? " member" : " members");
    }
}
