package io.tzurot.testkit.discord.state;

import java.util.List;

/** Discord permission bits and the effective-permission algorithm (owner, roles, admin, channel overwrites). */
public final class Permissions {

    public static final long CREATE_INSTANT_INVITE = 1L;
    public static final long KICK_MEMBERS = 1L << 1;
    public static final long ADMINISTRATOR = 1L << 3;
    public static final long MANAGE_CHANNELS = 1L << 4;
    public static final long ADD_REACTIONS = 1L << 6;
    public static final long VIEW_CHANNEL = 1L << 10;
    public static final long SEND_MESSAGES = 1L << 11;
    public static final long MANAGE_MESSAGES = 1L << 13;
    public static final long EMBED_LINKS = 1L << 14;
    public static final long ATTACH_FILES = 1L << 15;
    public static final long READ_MESSAGE_HISTORY = 1L << 16;
    public static final long MENTION_EVERYONE = 1L << 17;
    public static final long USE_EXTERNAL_EMOJIS = 1L << 18;
    public static final long MANAGE_ROLES = 1L << 28;
    public static final long MANAGE_WEBHOOKS = 1L << 29;
    public static final long USE_APPLICATION_COMMANDS = 1L << 31;
    public static final long MANAGE_THREADS = 1L << 34;
    public static final long CREATE_PUBLIC_THREADS = 1L << 35;
    public static final long SEND_MESSAGES_IN_THREADS = 1L << 38;

    /** Every permission bit Discord defines today (bits 0..50). */
    public static final long ALL = (1L << 51) - 1;

    /** What a fresh guild's @everyone role gets: see and talk in channels, read history, react, use commands. */
    public static final long EVERYONE_DEFAULT = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | ADD_REACTIONS
            | EMBED_LINKS | ATTACH_FILES | USE_EXTERNAL_EMOJIS | USE_APPLICATION_COMMANDS | SEND_MESSAGES_IN_THREADS
            | CREATE_PUBLIC_THREADS | CREATE_INSTANT_INVITE;

    /** What the bot's own managed role gets unless a test says otherwise; JDA checks these locally before any call. */
    public static final long BOT_DEFAULT = EVERYONE_DEFAULT | MANAGE_WEBHOOKS | MANAGE_MESSAGES | MANAGE_THREADS;

    private Permissions() {
    }

    /** Guild-level permissions of a member: everything for the owner or an administrator, else the union of roles. */
    public static long guildPermissions(SimGuild guild, SimMember member, List<SimRole> guildRoles) {
        if (guild.ownerId() == member.userId()) {
            return ALL;
        }
        long base = 0;
        for (SimRole role : guildRoles) {
            if (role.isEveryone() || member.roleIds().contains(role.id())) {
                base |= role.permissions();
            }
        }
        return (base & ADMINISTRATOR) != 0 ? ALL : base;
    }

    /**
     * Channel permissions of a member: guild permissions, then the @everyone overwrite, then all role overwrites
     * together, then the member's own overwrite. Without VIEW_CHANNEL nothing else applies.
     */
    public static long channelPermissions(SimGuild guild, SimMember member, List<SimRole> guildRoles,
                                          SimTextChannel channel) {
        long permissions = guildPermissions(guild, member, guildRoles);
        if (permissions == ALL) {
            return ALL;
        }
        long roleAllow = 0;
        long roleDeny = 0;
        for (PermissionOverwrite overwrite : channel.overwrites()) {
            if (overwrite.target() == OverwriteTarget.ROLE && overwrite.targetId() == guild.id()) {
                permissions = (permissions & ~overwrite.deny()) | overwrite.allow();
            } else if (overwrite.target() == OverwriteTarget.ROLE && member.roleIds().contains(overwrite.targetId())) {
                roleAllow |= overwrite.allow();
                roleDeny |= overwrite.deny();
            }
        }
        permissions = (permissions & ~roleDeny) | roleAllow;
        for (PermissionOverwrite overwrite : channel.overwrites()) {
            if (overwrite.target() == OverwriteTarget.MEMBER && overwrite.targetId() == member.userId()) {
                permissions = (permissions & ~overwrite.deny()) | overwrite.allow();
            }
        }
        return (permissions & VIEW_CHANNEL) == 0 ? 0 : permissions;
    }

    public static boolean has(long permissions, long required) {
        return (permissions & required) == required;
    }
}
