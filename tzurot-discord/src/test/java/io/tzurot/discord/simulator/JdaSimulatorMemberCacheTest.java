package io.tzurot.discord.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.testkit.discord.DiscordSimulator;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimUser;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With the privileged GUILD_MEMBERS intent JDA chunks members at login and follows member events. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdaSimulatorMemberCacheTest {

    private SimulatorFixture fixture;
    private DiscordSimulator simulator;
    private SimulatedBot bot;
    private SimGuild guild;
    private SimUser alice;

    @BeforeAll
    void connect() throws InterruptedException {
        fixture = new SimulatorFixture("Members Guild");
        simulator = fixture.simulator;
        guild = fixture.guild;
        alice = fixture.alice;
        bot = fixture.connectWith(builder -> builder.enableIntents(GatewayIntent.GUILD_MEMBERS)
                .setChunkingFilter(ChunkingFilter.ALL).setMemberCachePolicy(MemberCachePolicy.ALL));
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        fixture.close();
    }

    @Test
    void membersAreCachedAtLoginAndFollowJoinsAndRoleChanges() {
        Guild jdaGuild = bot.jda().getGuildById(guild.id());
        assertThat(jdaGuild.getMemberById(alice.id())).isNotNull();
        assertThat(jdaGuild.getMemberCount()).isEqualTo(3);

        SimRole regulars = simulator.world().createRole(guild, "Regulars", 0);
        SimUser bob = simulator.world().createUser("bob");
        simulator.world().addMember(guild, bob);
        await().atMost(SimulatedBot.PATIENCE).until(() -> jdaGuild.getMemberById(bob.id()) != null);
        simulator.world().setMemberRoles(guild, bob, regulars);

        await().atMost(SimulatedBot.PATIENCE).until(() -> !jdaGuild.getMemberById(bob.id()).getRoles().isEmpty());
        Member jdaBob = jdaGuild.getMemberById(bob.id());
        assertThat(jdaBob.getRoles()).extracting(r -> r.getName()).containsExactly("Regulars");
        assertThat(jdaBob.getUser().getName()).isEqualTo("bob");
    }
}
