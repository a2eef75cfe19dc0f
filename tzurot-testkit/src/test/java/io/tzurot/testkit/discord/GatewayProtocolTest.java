package io.tzurot.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.discord.gateway.Intents;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway conversation seen by a bare websocket client: handshake, intents, content masking, RESUME. */
class GatewayProtocolTest {

    private DiscordSimulator simulator;
    private SimGuild guild;
    private SimTextChannel general;
    private SimUser alice;

    @BeforeEach
    void start() {
        simulator = DiscordSimulator.start();
        guild = simulator.world().createGuild("Gateway Guild");
        general = simulator.world().createTextChannel(guild, "general");
        alice = simulator.world().createUser("alice");
        simulator.world().addMember(guild, alice);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void helloHeartbeatIdentifyReadyAndGuildCreate() {
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            JsonNode hello = client.await(f -> f.path("op").asInt() == 10);
            assertThat(hello.path("d").path("heartbeat_interval").asInt()).isPositive();
            client.send("{\"op\":1,\"d\":null}");
            client.await(f -> f.path("op").asInt() == 11);

            identify(client, Intents.GUILDS | Intents.GUILD_MESSAGES | Intents.MESSAGE_CONTENT);
            JsonNode ready = client.awaitDispatch("READY");
            assertThat(ready.path("s").asInt()).isEqualTo(1);
            assertThat(ready.path("d").path("guilds").get(0).path("id").asText()).isEqualTo(Json.id(guild.id()));
            JsonNode guildCreate = client.awaitDispatch("GUILD_CREATE").path("d");
            assertThat(guildCreate.path("afk_timeout").asInt()).isEqualTo(300);
            assertThat(guildCreate.path("channels")).extracting(c -> c.path("name").asText()).containsExactly("general");
            // Without GUILD_MEMBERS only the bot's own member is sent, as on Discord.
            assertThat(guildCreate.path("members")).extracting(m -> m.path("user").path("id").asText())
                    .containsExactly(Json.id(simulator.botUser().id()));
        }
    }

    @Test
    void aWrongTokenIsRefusedWith4004() {
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            client.send("{\"op\":2,\"d\":{\"token\":\"nope\",\"intents\":1}}");
            assertThat(client.awaitClose()).isEqualTo(4004);
        }
    }

    @Test
    void withoutTheMessageContentIntentContentIsBlankUnlessTheBotIsMentioned() {
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            identify(client, Intents.GUILDS | Intents.GUILD_MESSAGES);
            client.awaitDispatch("GUILD_CREATE");

            SimMessage plain = simulator.users().post(alice, general, "secret words");
            SimMessage mention = simulator.users().post(alice, general, "<@" + simulator.botUser().id() + "> hi");

            assertThat(messageCreate(client, plain).path("content").asText()).isEmpty();
            assertThat(messageCreate(client, mention).path("content").asText()).contains("hi");
        }
    }

    @Test
    void resumeReplaysMissedDispatchesAndAnUnknownSessionIsInvalid() {
        String sessionId;
        int lastSeen;
        try (GatewayClient first = new GatewayClient(simulator.gatewayUrl())) {
            identify(first, Intents.GUILDS | Intents.GUILD_MESSAGES | Intents.MESSAGE_CONTENT);
            sessionId = first.awaitDispatch("READY").path("d").path("session_id").asText();
            lastSeen = first.awaitDispatch("GUILD_CREATE").path("s").asInt();
            first.abort();
        }
        SimMessage missed = simulator.users().post(alice, general, "while you were away");

        try (GatewayClient second = new GatewayClient(simulator.gatewayUrl())) {
            second.send("{\"op\":6,\"d\":{\"token\":\"" + simulator.botToken() + "\",\"session_id\":\"" + sessionId
                    + "\",\"seq\":" + lastSeen + "}}");
            assertThat(messageCreate(second, missed).path("content").asText()).isEqualTo("while you were away");
            second.awaitDispatch("RESUMED");
        }
        assertThat(simulator.gateway().resumeCount()).isEqualTo(1);

        // The second client closed normally (1000), which ends the session for good.
        try (GatewayClient third = new GatewayClient(simulator.gatewayUrl())) {
            third.send("{\"op\":6,\"d\":{\"token\":\"" + simulator.botToken()
                    + "\",\"session_id\":\"" + sessionId + "\",\"seq\":" + lastSeen + "}}");
            JsonNode invalid = third.await(f -> f.path("op").asInt() == 9);
            assertThat(invalid.path("d").asBoolean()).isFalse();
        }
        assertThat(simulator.gateway().resumeCount()).isEqualTo(1);
    }

    @Test
    void memberRequestsAreAnsweredWithOneChunkAndNeedTheMembersIntent() {
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            identify(client, Intents.GUILDS | Intents.GUILD_MEMBERS);
            client.awaitDispatch("GUILD_CREATE");
            client.send("{\"op\":8,\"d\":{\"guild_id\":[\"" + guild.id() + "\"],\"query\":\"al\",\"limit\":0,"
                    + "\"nonce\":\"n1\"}}");
            JsonNode chunk = client.awaitDispatch("GUILD_MEMBERS_CHUNK").path("d");
            assertThat(chunk.path("nonce").asText()).isEqualTo("n1");
            assertThat(chunk.path("members")).extracting(m -> m.path("user").path("username").asText())
                    .containsExactly("alice");

            client.send("{\"op\":8,\"d\":{\"guild_id\":\"" + guild.id() + "\",\"user_ids\":[\"" + alice.id()
                    + "\",\"42\"],\"nonce\":\"n2\"}}");
            JsonNode byId = client.await(f -> "n2".equals(f.path("d").path("nonce").asText())).path("d");
            assertThat(byId.path("members")).hasSize(1);
            assertThat(byId.path("not_found")).extracting(JsonNode::asText).containsExactly("42");
        }
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            identify(client, Intents.GUILDS);
            client.awaitDispatch("GUILD_CREATE");
            client.send("{\"op\":8,\"d\":{\"guild_id\":\"" + guild.id() + "\",\"query\":\"\",\"limit\":0}}");
            assertThat(client.awaitClose()).isEqualTo(4014);
        }
    }

    @Test
    void aShardedSessionGetsOnlyItsShardsGuildsAndAnInvalidShardIsRefused() {
        SimGuild onOne = simulator.world().createGuildOnShard("Shard One", 1, 2);
        SimTextChannel oneChannel = simulator.world().createTextChannel(onOne, "one");
        simulator.world().addMember(onOne, alice);
        int shardOfFirst = (int) ((guild.id() >>> 22) % 2);
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            identifyShard(client, "[1,2]");
            JsonNode ready = client.awaitDispatch("READY").path("d");
            assertThat(ready.path("shard")).extracting(JsonNode::asInt).containsExactly(1, 2);
            List<String> expected = shardOfFirst == 1 ? List.of(Json.id(guild.id()), Json.id(onOne.id()))
                    : List.of(Json.id(onOne.id()));
            assertThat(ready.path("guilds")).extracting(g -> g.path("id").asText())
                    .containsExactlyInAnyOrderElementsOf(expected);

            SimMessage there = simulator.users().post(alice, oneChannel, "for shard one");
            assertThat(messageCreate(client, there).path("guild_id").asText()).isEqualTo(Json.id(onOne.id()));
        }
        try (GatewayClient client = new GatewayClient(simulator.gatewayUrl())) {
            identifyShard(client, "[2,2]");
            assertThat(client.awaitClose()).isEqualTo(4010);
        }
    }

    private void identifyShard(GatewayClient client, String shard) {
        client.send("{\"op\":2,\"d\":{\"token\":\"" + simulator.botToken() + "\",\"intents\":"
                + (Intents.GUILDS | Intents.GUILD_MESSAGES | Intents.MESSAGE_CONTENT) + ",\"shard\":" + shard + "}}");
    }

    private void identify(GatewayClient client, long intents) {
        client.send("{\"op\":2,\"d\":{\"token\":\"" + simulator.botToken() + "\",\"intents\":" + intents
                + ",\"properties\":{\"os\":\"linux\",\"browser\":\"test\",\"device\":\"test\"}}}");
    }

    private static JsonNode messageCreate(GatewayClient client, SimMessage message) {
        return client.await(f -> "MESSAGE_CREATE".equals(f.path("t").asText())
                && Json.id(message.id()).equals(f.path("d").path("id").asText())).path("d");
    }
}
