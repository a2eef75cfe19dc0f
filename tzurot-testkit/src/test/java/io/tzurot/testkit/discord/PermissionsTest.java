package io.tzurot.testkit.discord;

import static io.tzurot.testkit.discord.state.Permissions.ADMINISTRATOR;
import static io.tzurot.testkit.discord.state.Permissions.ALL;
import static io.tzurot.testkit.discord.state.Permissions.MANAGE_WEBHOOKS;
import static io.tzurot.testkit.discord.state.Permissions.SEND_MESSAGES;
import static io.tzurot.testkit.discord.state.Permissions.VIEW_CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.testkit.discord.state.OverwriteTarget;
import io.tzurot.testkit.discord.state.PermissionOverwrite;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMember;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimTextChannel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private static final long GUILD = 100;
    private static final long OWNER = 1;
    private static final long USER = 2;
    private static final long ROLE_A = 10;
    private static final long ROLE_B = 11;

    private final SimGuild guild = new SimGuild(GUILD, "g", OWNER, 0);
    private final SimRole everyone = new SimRole(GUILD, GUILD, "@everyone", 0, 0, VIEW_CHANNEL | SEND_MESSAGES);
    private final SimRole roleA = new SimRole(ROLE_A, GUILD, "a", 0, 1, 0);
    private final SimRole roleB = new SimRole(ROLE_B, GUILD, "b", 0, 2, MANAGE_WEBHOOKS);
    private final List<SimRole> roles = List.of(everyone, roleA, roleB);

    @Test
    void theOwnerAndAdministratorsHaveEverything() {
        SimMember owner = member(OWNER);
        SimMember admin = member(USER, ROLE_A);
        List<SimRole> withAdmin = List.of(everyone, roleA.withPermissions(ADMINISTRATOR), roleB);

        assertThat(Permissions.guildPermissions(guild, owner, roles)).isEqualTo(ALL);
        assertThat(Permissions.guildPermissions(guild, admin, withAdmin)).isEqualTo(ALL);
        assertThat(Permissions.channelPermissions(guild, admin, withAdmin,
                channel(new PermissionOverwrite(GUILD, OverwriteTarget.ROLE, 0, VIEW_CHANNEL)))).isEqualTo(ALL);
    }

    @Test
    void guildPermissionsAreTheUnionOfEveryoneAndTheMembersRoles() {
        assertThat(Permissions.guildPermissions(guild, member(USER, ROLE_B), roles))
                .isEqualTo(VIEW_CHANNEL | SEND_MESSAGES | MANAGE_WEBHOOKS);
        assertThat(Permissions.guildPermissions(guild, member(USER), roles)).isEqualTo(VIEW_CHANNEL | SEND_MESSAGES);
    }

    @Test
    void overwritesApplyEveryoneThenRolesThenTheMember() {
        SimTextChannel denyEveryoneAllowRole = channel(
                new PermissionOverwrite(GUILD, OverwriteTarget.ROLE, 0, SEND_MESSAGES),
                new PermissionOverwrite(ROLE_A, OverwriteTarget.ROLE, SEND_MESSAGES, 0));
        assertThat(Permissions.channelPermissions(guild, member(USER, ROLE_A), roles, denyEveryoneAllowRole))
                .isEqualTo(VIEW_CHANNEL | SEND_MESSAGES);
        assertThat(Permissions.channelPermissions(guild, member(USER), roles, denyEveryoneAllowRole))
                .isEqualTo(VIEW_CHANNEL);

        SimTextChannel roleAllowsMemberDenies = channel(
                new PermissionOverwrite(ROLE_A, OverwriteTarget.ROLE, MANAGE_WEBHOOKS, 0),
                new PermissionOverwrite(USER, OverwriteTarget.MEMBER, 0, MANAGE_WEBHOOKS | SEND_MESSAGES));
        assertThat(Permissions.channelPermissions(guild, member(USER, ROLE_A), roles, roleAllowsMemberDenies))
                .isEqualTo(VIEW_CHANNEL);
    }

    @Test
    void roleAllowsWinOverRoleDeniesAcrossRoles() {
        SimTextChannel mixed = channel(
                new PermissionOverwrite(ROLE_A, OverwriteTarget.ROLE, 0, SEND_MESSAGES),
                new PermissionOverwrite(ROLE_B, OverwriteTarget.ROLE, SEND_MESSAGES, 0));
        assertThat(Permissions.channelPermissions(guild, member(USER, ROLE_A, ROLE_B), roles, mixed) & SEND_MESSAGES)
                .isEqualTo(SEND_MESSAGES);
    }

    @Test
    void withoutViewChannelNothingElseApplies() {
        SimTextChannel hidden = channel(new PermissionOverwrite(GUILD, OverwriteTarget.ROLE, 0, VIEW_CHANNEL));
        assertThat(Permissions.channelPermissions(guild, member(USER, ROLE_B), roles, hidden)).isZero();
    }

    @Test
    void anOverwriteCannotAllowAndDenyTheSameBit() {
        assertThatThrownBy(() -> new PermissionOverwrite(USER, OverwriteTarget.MEMBER, SEND_MESSAGES, SEND_MESSAGES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both allowed and denied");
    }

    private static SimMember member(long userId, Long... roleIds) {
        return new SimMember(GUILD, userId, List.of(roleIds), null, Instant.EPOCH);
    }

    private static SimTextChannel channel(PermissionOverwrite... overwrites) {
        return new SimTextChannel(500, GUILD, "c", 0, null, false, List.of(overwrites));
    }
}
