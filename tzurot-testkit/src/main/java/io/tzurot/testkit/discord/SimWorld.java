package io.tzurot.testkit.discord;

import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.gateway.GatewaySession;
import io.tzurot.testkit.discord.state.OverwriteTarget;
import io.tzurot.testkit.discord.state.PermissionOverwrite;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimDmChannel;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMember;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Test-facing world building: guilds, users, members, roles, channels, threads, DMs and permissions. Changes
 * made after the bot connected are announced on the gateway as Discord would announce them.
 */
public final class SimWorld {

    private final SimStore store;
    private final GatewayEvents events;
    private final SimUser self;

    SimWorld(SimStore store, GatewayEvents events, SimUser self) {
        this.store = store;
        this.events = events;
        this.self = self;
    }

    public SimUser createUser(String username) {
        SimUser user = new SimUser(store.nextId(), username, username, false);
        store.put(user);
        return user;
    }

    /** Another application's bot account (not the simulated bot), a member of {@code guild}. */
    public SimUser createOtherBot(SimGuild guild, String username) {
        SimUser bot = new SimUser(store.nextId(), username, username, true);
        store.put(bot);
        addMember(guild, bot);
        return bot;
    }

    /** A new user who is a member of {@code guild}. */
    public SimUser createMember(SimGuild guild, String username) {
        SimUser user = createUser(username);
        addMember(guild, user);
        return user;
    }

    /** A guild owned by a new user {@code <name>-owner}, with the bot as a member holding its own role. */
    public SimGuild createGuild(String name) {
        return createGuild(name, ownerFor(name));
    }

    /**
     * A guild owned by {@code owner}: @everyone with Discord's usual defaults, a role for the bot with
     * {@link Permissions#BOT_DEFAULT}, and both the owner and the bot as members.
     */
    public SimGuild createGuild(String name, SimUser owner) {
        return createGuild(name, owner, 0);
    }

    /** As {@link #createGuild(String, SimUser)} with Discord's NSFW level (3 = age restricted). */
    public SimGuild createGuild(String name, SimUser owner, int nsfwLevel) {
        return createGuild(store.nextId(), name, owner, nsfwLevel);
    }

    /**
     * A guild (as {@link #createGuild(String)}) whose id routes it to shard {@code shardId} of {@code shardTotal}:
     * Discord sends a guild's events to shard {@code (guild_id >> 22) % shard_total}.
     */
    public SimGuild createGuildOnShard(String name, int shardId, int shardTotal) {
        if (!GatewaySession.validShard(shardId, shardTotal)) {
            throw new IllegalArgumentException("invalid shard " + shardId + " of " + shardTotal);
        }
        SimUser owner = ownerFor(name);
        long id = store.nextId();
        while (GatewaySession.shardOf(id, shardTotal) != shardId) {
            // the shard comes from the id's millisecond part, so wait for the clock to move on
            LockSupport.parkNanos(200_000);
            id = store.nextId();
        }
        return createGuild(id, name, owner, 0);
    }

    private SimUser ownerFor(String guildName) {
        return createUser(guildName.replaceAll("\\s+", "-").toLowerCase() + "-owner");
    }

    private SimGuild createGuild(long id, String name, SimUser owner, int nsfwLevel) {
        SimGuild guild = guildWithoutBot(id, name, owner, nsfwLevel);
        addBot(guild);
        return guild;
    }

    /** A guild (as {@link #createGuild(String)}) that the bot is not a member of until {@link #addBot} invites it. */
    public SimGuild createGuildWithoutBot(String name) {
        return guildWithoutBot(store.nextId(), name, ownerFor(name), 0);
    }

    private SimGuild guildWithoutBot(long id, String name, SimUser owner, int nsfwLevel) {
        Objects.requireNonNull(owner, "owner");
        SimGuild guild = new SimGuild(id, name, owner.id(), nsfwLevel);
        store.put(guild);
        store.put(new SimRole(guild.id(), guild.id(), "@everyone", 0, 0, Permissions.EVERYONE_DEFAULT));
        store.put(new SimMember(guild.id(), owner.id(), List.of(), null, Instant.now()));
        return guild;
    }

    /** The bot is added to {@code guild} with a role of its own ({@link Permissions#BOT_DEFAULT}): GUILD_CREATE. */
    public void addBot(SimGuild guild) {
        SimRole botRole = new SimRole(store.nextId(), guild.id(), self.username(), 0, 1, Permissions.BOT_DEFAULT);
        store.put(botRole);
        store.put(new SimMember(guild.id(), self.id(), List.of(botRole.id()), null, Instant.now()));
        events.guildJoined(guild);
    }

    public SimRole createRole(SimGuild guild, String name, long permissions) {
        int position = store.roles(guild.id()).size();
        SimRole role = new SimRole(store.nextId(), guild.id(), name, 0, position, permissions);
        store.put(role);
        events.roleCreated(role);
        return role;
    }

    /** A role shown in {@code color} (0xRRGGBB), placed above every existing role. */
    public SimRole createColouredRole(SimGuild guild, String name, int color) {
        int position = store.roles(guild.id()).size();
        SimRole role = new SimRole(store.nextId(), guild.id(), name, color, position, 0);
        store.put(role);
        events.roleCreated(role);
        return role;
    }

    /** The @everyone role of a guild. */
    public SimRole everyoneRole(SimGuild guild) {
        return store.role(guild.id()).orElseThrow();
    }

    /** The role the bot received when it joined {@code guild}. */
    public SimRole botRole(SimGuild guild) {
        long roleId = member(guild, self).roleIds().get(0);
        return store.role(roleId).orElseThrow();
    }

    public SimRole setRolePermissions(SimRole role, long permissions) {
        SimRole updated = role.withPermissions(permissions);
        store.put(updated);
        events.roleUpdated(updated);
        return updated;
    }

    public SimMember addMember(SimGuild guild, SimUser user, SimRole... roles) {
        SimMember member = new SimMember(guild.id(), user.id(), ids(roles), null, Instant.now());
        store.put(member);
        events.memberAdded(member);
        return member;
    }

    public SimMember setMemberRoles(SimGuild guild, SimUser user, SimRole... roles) {
        SimMember updated = member(guild, user).withRoles(ids(roles));
        store.put(updated);
        events.memberUpdated(updated);
        return updated;
    }

    public SimMember member(SimGuild guild, SimUser user) {
        return store.member(guild.id(), user.id())
                .orElseThrow(() -> new IllegalArgumentException(user.username() + " is not in " + guild.name()));
    }

    public SimTextChannel createTextChannel(SimGuild guild, String name) {
        return createTextChannel(guild, name, false);
    }

    public SimTextChannel createTextChannel(SimGuild guild, String name, boolean nsfw) {
        int position = (int) store.channels(guild.id()).stream().filter(SimTextChannel.class::isInstance).count();
        SimTextChannel channel = new SimTextChannel(store.nextId(), guild.id(), name, position, null, nsfw, List.of());
        store.put(channel);
        events.channelCreated(channel);
        return channel;
    }

    /** A public thread under {@code parent}, started by {@code owner}. */
    public SimThreadChannel createThread(SimTextChannel parent, String name, SimUser owner) {
        SimThreadChannel thread = new SimThreadChannel(store.nextId(), parent.guildId(), parent.id(), name,
                owner.id(), false, false, Instant.now());
        store.put(thread);
        events.channelCreated(thread);
        return thread;
    }

    public SimTextChannel setTopic(SimTextChannel channel, String topic) {
        SimTextChannel updated = ((SimTextChannel) store.channel(channel.id()).orElseThrow()).withTopic(topic);
        store.put(updated);
        events.channelUpdated(updated);
        return updated;
    }

    /** Archives (or unarchives) a thread; webhooks can no longer post into an archived thread. */
    public SimThreadChannel setArchived(SimThreadChannel thread, boolean archived) {
        SimThreadChannel updated = ((SimThreadChannel) store.channel(thread.id()).orElseThrow()).withArchived(archived);
        store.put(updated);
        events.channelUpdated(updated);
        return updated;
    }

    /** The DM channel between the bot and {@code user}, created on first use. */
    public SimDmChannel dmChannel(SimUser user) {
        return store.dmWith(user.id()).orElseGet(() -> {
            SimDmChannel dm = new SimDmChannel(store.nextId(), user.id());
            store.put(dm);
            return dm;
        });
    }

    /** Replaces the overwrite for a role on a channel; announced as CHANNEL_UPDATE. */
    public SimTextChannel setRoleOverwrite(SimTextChannel channel, SimRole role, long allow, long deny) {
        return setOverwrite(channel, new PermissionOverwrite(role.id(), OverwriteTarget.ROLE, allow, deny));
    }

    public SimTextChannel setMemberOverwrite(SimTextChannel channel, SimUser user, long allow, long deny) {
        return setOverwrite(channel, new PermissionOverwrite(user.id(), OverwriteTarget.MEMBER, allow, deny));
    }

    private SimTextChannel setOverwrite(SimTextChannel channel, PermissionOverwrite overwrite) {
        SimTextChannel current = (SimTextChannel) store.channel(channel.id()).orElseThrow();
        SimTextChannel updated = current.withOverwrite(overwrite);
        store.put(updated);
        events.channelUpdated(updated);
        return updated;
    }

    /** Effective permissions of a member in a guild channel or thread, computed as Discord does. */
    public long permissionsOf(SimUser user, SimChannel channel) {
        SimChannel current = store.channel(channel.id()).orElseThrow();
        return store.permissionsIn(user.id(), current)
                .orElseThrow(() -> new IllegalArgumentException(user.username() + " has no permissions there"));
    }

    private static List<Long> ids(SimRole... roles) {
        return Arrays.stream(roles).map(SimRole::id).toList();
    }
}
