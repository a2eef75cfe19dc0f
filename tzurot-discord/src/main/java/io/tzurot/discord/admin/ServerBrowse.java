package io.tzurot.discord.admin;

import io.tzurot.discord.browse.BrowseSpec;
import io.tzurot.discord.browse.BrowseView;
import io.tzurot.discord.command.Caller;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.entities.Guild;

/** {@code /admin servers}: the servers the bot is in, 10 a page, by members (spec/discord.md §2.1). */
final class ServerBrowse implements BrowseSpec<Guild> {

    private final Servers servers;

    ServerBrowse(Servers servers) {
        this.servers = Objects.requireNonNull(servers, "servers");
    }

    @Override
    public String prefix() {
        return AdminCommand.PREFIX;
    }

    @Override
    public String title() {
        return "🖥️ Servers";
    }

    @Override
    public List<String> filters() {
        return List.of("");
    }

    @Override
    public List<Guild> items(Caller caller, String filter, String query) {
        return servers.all().stream().filter(g -> BrowseView.matches(query, g.getName(), g.getId())).toList();
    }

    @Override
    public String line(Guild guild) {
        return "**" + guild.getName() + "** (`" + guild.getId() + "`) · " + Servers.members(guild);
    }

    @Override
    public String label(Guild guild) {
        return guild.getName() + " · " + Servers.members(guild);
    }

    @Override
    public String value(Guild guild) {
        return guild.getId();
    }

    @Override
    public String emptyText(String filter, String query) {
        return query.isEmpty() ? "The bot is in no server." : BrowseSpec.super.emptyText(filter, query);
    }
}
