package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** JDA computes permissions locally from the roles and overwrites the simulator sends; both must agree. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaSimulatorPermissionTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimulatedBot bot;
    private SimGuild guild;
    private SimUser alice;
    private SimUser bob;
    private SimRole muted;
    private SimTextChannel quiet;

    @BeforeAll
    void connect() throws InterruptedException {
        fixture = new SimulatorFixture("Permission Guild");
        simulator = fixture.simulator;
        guild = fixture.guild;
        alice = fixture.alice;
        bob = simulator.world().createUser("bob");
        muted = simulator.world().createRole(guild, "Muted", 0);
        simulator.world().addMember(guild, bob, muted);
        quiet = simulator.world().createTextChannel(guild, "quiet");
        quiet = simulator.world().setRoleOverwrite(quiet, muted, 0, Permissions.SEND_MESSAGES);
        bot = fixture.connect();
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        fixture.close();
    }

    @Test
    void aRoleOverwriteDenyingSendIsSeenByJdaAndMatchesTheSimulator() {
        Guild jdaGuild = bot.jda().getGuildById(guild.id());
        TextChannel channel = jdaGuild.getTextChannelById(quiet.id());
        Member jdaBob = jdaGuild.retrieveMemberById(bob.id()).complete();
        Member jdaAlice = jdaGuild.retrieveMemberById(alice.id()).complete();

        assertThat(jdaBob.hasPermission(channel, Permission.VIEW_CHANNEL)).isTrue();
        assertThat(jdaBob.hasPermission(channel, Permission.MESSAGE_SEND)).isFalse();
        assertThat(jdaAlice.hasPermission(channel, Permission.MESSAGE_SEND)).isTrue();
        assertThat(jdaBob.getRoles()).extracting(r -> r.getIdLong()).containsExactly(muted.id());
        assertThat(Permission.getRaw(jdaBob.getPermissions(channel)))
                .isEqualTo(simulator.world().permissionsOf(bob, quiet));
        assertThat(Permission.getRaw(jdaAlice.getPermissions(channel)))
                .isEqualTo(simulator.world().permissionsOf(alice, quiet));
    }

    @Test
    void theOwnerHasEveryPermission() {
        Guild jdaGuild = bot.jda().getGuildById(guild.id());
        Member owner = jdaGuild.retrieveMemberById(guild.ownerId()).complete();

        assertThat(owner.isOwner()).isTrue();
        assertThat(owner.hasPermission(jdaGuild.getTextChannelById(quiet.id()), Permission.MANAGE_WEBHOOKS,
                Permission.MESSAGE_SEND, Permission.ADMINISTRATOR)).isTrue();
    }

    @Test
    void aMemberOverwriteRevokingTheBotsSendPermissionStopsJdaBeforeAnyRequest() {
        SimTextChannel locked = simulator.world().createTextChannel(guild, "locked");
        TextChannel channel = bot.textChannel(locked.id());
        assertThat(channel.canTalk()).isTrue();

        simulator.world().setMemberOverwrite(locked, simulator.botUser(), 0, Permissions.SEND_MESSAGES);
        await().atMost(SimulatedBot.PATIENCE).until(() -> !bot.textChannel(locked.id()).canTalk());
        int postsBefore = simulator.botPosts().size();

        assertThatThrownBy(() -> bot.textChannel(locked.id()).sendMessage("let me in").complete())
                .isInstanceOf(InsufficientPermissionException.class);
        assertThat(simulator.botPosts()).hasSize(postsBefore);
        assertThat(simulator.world().permissionsOf(simulator.botUser(), locked) & Permissions.SEND_MESSAGES).isZero();
    }

    @Test
    void aRolePermissionUpdateReachesJda() {
        SimRole helpers = simulator.world().createRole(guild, "Helpers", 0);
        SimUser carol = simulator.world().createUser("carol");
        simulator.world().addMember(guild, carol, helpers);
        Guild jdaGuild = bot.jda().getGuildById(guild.id());
        await().atMost(SimulatedBot.PATIENCE).until(() -> jdaGuild.getRoleById(helpers.id()) != null);

        simulator.world().setRolePermissions(helpers, Permissions.ADMINISTRATOR);
        await().atMost(SimulatedBot.PATIENCE)
                .until(() -> jdaGuild.getRoleById(helpers.id()).hasPermission(Permission.ADMINISTRATOR));

        Member jdaCarol = jdaGuild.retrieveMemberById(carol.id()).complete();
        assertThat(jdaCarol.hasPermission(jdaGuild.getTextChannelById(quiet.id()), Permission.MANAGE_WEBHOOKS))
                .isTrue();
        assertThat(simulator.world().permissionsOf(carol, quiet)).isEqualTo(Permissions.ALL);
    }
}
