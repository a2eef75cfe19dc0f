package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.channel.SpeakerStrategy;
import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scenes on the simulator with real JDA: several characters activated in one channel, who answers a message by the
 * channel's speaker strategy (with the harness's seeded random source), the activation limit, deactivating one or
 * all, {@code /chime-in} and {@code /random}, and the loop guard: characters never answer each other's posts by
 * default, and answer each other up to the bot owner's chain limit once it is set.
 * The harness's engine answers "{Name}: {message}", so the posts show who answered what, in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SceneTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimGuild guild;
    private SimUser owner;
    private SimUser mod;
    private SimUser alice;
    private Personality ada;
    private Personality bob;
    private Personality cy;

    @BeforeAll
    void start() {
        harness = BotHarness.withoutBot("scenes");
        guild = harness.simulator.world().createGuild("Scene Guild");
        owner = harness.simulator.world().createMember(guild, "owner");
        mod = harness.simulator.world().createMember(guild, "mod");
        harness.simulator.world().setMemberRoles(guild, mod,
                harness.simulator.world().createRole(guild, "moderators", Permissions.MANAGE_MESSAGES));
        alice = harness.simulator.world().createMember(guild, "alice");
        harness.verified(owner);
        harness.verified(mod);
        harness.verified(alice);
        ada = harness.character(alice, "ada", "Ada", null, true);
        bob = harness.character(alice, "bob", "Bob", null, true);
        cy = harness.character(alice, "cyd", "Cyd", null, true);
        harness.serveCommands(s -> s.withBotOwner(Long.toString(owner.id())));
        commands = new CommandScenario(harness.simulator);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @AfterEach
    void defaults() {
        harness.scene.setLimits(SceneLimits.DEFAULTS, null);
        for (Personality p : List.of(ada, bob, cy)) {
            harness.scene.setTalkativeness(p.id(), 50);
        }
    }

    @Test
    void aMessageNamingOneCharacterIsAnsweredByThatOne() {
        SimTextChannel channel = scene("named", ada, bob);
        talkativeness(ada, 0);
        talkativeness(bob, 0);

        harness.simulator.users().post(alice, channel, "Bob, how was the trip?");
        harness.simulator.users().post(alice, channel, "@ada ping");

        // the mention's answer comes after the first message's: nobody but Bob answered that one
        assertThat(contents(channel, 2)).containsExactly("Bob: Bob, how was the trip?", "Ada: ping");
    }

    @Test
    void underTheNaturalStrategyTheSeededSourceDecidesTheOrderAndTheSilentStaySilent() {
        SimTextChannel channel = scene("natural", ada, bob, cy);
        talkativeness(ada, 100);
        talkativeness(bob, 100);
        talkativeness(cy, 0);
        harness.sceneRandom.reseed(42);

        harness.simulator.users().post(alice, channel, "good morning all");
        harness.simulator.users().post(alice, channel, "@cyd ping");

        assertThat(contents(channel, 3)).containsExactly("Bob: good morning all", "Ada: good morning all", "Cyd: ping");

        // the same seed gives the same order again
        harness.sceneRandom.reseed(42);
        harness.simulator.users().post(alice, channel, "and again");
        assertThat(contents(channel, 5).subList(3, 5)).containsExactly("Bob: and again", "Ada: and again");
    }

    @Test
    void listAnswersInActivationOrderUpToTheReplyLimitAndManualWaitsToBeAddressed() {
        SimTextChannel channel = scene("listed", cy, ada, bob);
        assertThat(commands.run(owner, channel, "scene limits", Map.of("replies", "2")))
                .contains("2 replies per message");
        assertThat(commands.run(mod, channel, "scene strategy", Map.of("strategy", "list")))
                .startsWith("✅ Speaker strategy of this channel: **list**");

        harness.simulator.users().post(alice, channel, "roll call");
        assertThat(contents(channel, 2)).containsExactly("Cyd: roll call", "Ada: roll call");

        assertThat(commands.run(mod, channel, "scene strategy", Map.of("strategy", "manual"))).contains("**manual**");
        harness.simulator.users().post(alice, channel, "anyone?");
        harness.simulator.users().post(alice, channel, "@bob you?");
        assertThat(contents(channel, 3).get(2)).isEqualTo("Bob: you?");
        assertThat(commands.run(mod, channel, "scene view", Map.of())).contains("**Cyd** (`cyd`), **Ada** (`ada`),"
                + " **Bob** (`bob`)").contains("Speaker strategy: **manual**");
        assertThat(commands.run(mod, channel, "scene strategy", Map.of("strategy", "loud")))
                .startsWith("❌").contains("natural, list, random, manual");
    }

    @Test
    void activatingPastTheLimitIsRefusedAndDeactivateRemovesOneOrAll() {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, "limited");
        assertThat(commands.run(owner, channel, "scene limits", Map.of("max-characters", "2")))
                .contains("2 characters per channel");
        assertThat(commands.run(mod, channel, "channel activate", Map.of("character", "ada")))
                .startsWith("✅ Activated **Ada** in this channel. It now answers every message here");
        assertThat(commands.run(mod, channel, "channel activate", Map.of("character", "bob")))
                .startsWith("✅ Activated **Bob** in this channel (2 characters now share it");
        assertThat(commands.run(mod, channel, "channel activate", Map.of("character", "bob")))
                .isEqualTo("📍 **Bob** is already active in this channel.");
        assertThat(commands.run(mod, channel, "channel activate", Map.of("character", "cyd")))
                .startsWith("❌ This channel already has 2 active characters");
        assertThat(activated(channel)).containsExactly(ada.id(), bob.id());
        assertThat(commands.run(mod, channel, "scene limits", Map.of("max-characters", "9")))
                .startsWith("❌ Only the bot owner");

        assertThat(commands.run(mod, channel, "channel deactivate", Map.of("character", "ada")))
                .isEqualTo("✅ Deactivated **Ada** in this channel.");
        assertThat(commands.run(mod, channel, "channel deactivate", Map.of("character", "ada")))
                .isEqualTo("📍 That character is not active in this channel.");
        assertThat(commands.run(mod, channel, "channel activate", Map.of("character", "cyd"))).startsWith("✅");
        assertThat(commands.run(mod, channel, "channel deactivate", Map.of()))
                .isEqualTo("✅ Deactivated **Bob**, **Cyd** in this channel.");
        assertThat(activated(channel)).isEmpty();
    }

    @Test
    void chimeInAsksOneCharacterAndRandomSendsToOneAtRandom() {
        SimTextChannel channel = scene("chimes", ada);
        long named = harness.simulator.users().slashCommand(alice, channel, "chime-in", Map.of("character", "bob"));
        assertThat(contents(channel, 2)).containsExactly("**alice** asks **Bob** to chime in.",
                "Bob: (asks Bob to chime in)");
        assertThat(harness.simulator.ephemeralsFor(named)).isEmpty();

        harness.simulator.users().slashCommand(alice, channel, "chime-in", Map.of());
        assertThat(contents(channel, 4).subList(2, 4)).containsExactly("**alice** asks **Ada** to chime in.",
                "Ada: (asks Ada to chime in)");

        harness.simulator.users().slashCommand(alice, channel, "random", Map.of("message", "surprise me"));
        List<String> random = contents(channel, 6).subList(4, 6);
        assertThat(random.get(0)).matches("\\*\\*alice\\*\\* → 🎲 \\*\\*(Ada|Bob|Cyd):\\*\\* surprise me");
        String chosen = random.get(0).replaceAll(".*🎲 \\*\\*(\\w+):.*", "$1");
        assertThat(random.get(1)).isEqualTo(chosen + ": surprise me");

        SimTextChannel empty = harness.simulator.world().createTextChannel(guild, "no-scene");
        assertThat(commands.run(alice, empty, "chime-in", Map.of())).startsWith("❌ No character you can talk to");
    }

    @Test
    void charactersNeverAnswerEachOtherWithoutAHumanMessage() {
        SimTextChannel channel = scene("chain", ada, bob);
        talkativeness(ada, 100);
        talkativeness(bob, 100);

        harness.simulator.users().post(alice, channel, "start");
        contents(channel, 2);
        harness.simulator.users().post(alice, channel, "@cyd stop");

        // characters never chain: the two replies to "start" did not make anyone speak again
        assertThat(contents(channel, 3)).hasSize(3).endsWith("Cyd: stop");
    }

    @Test
    void withAChainOfTwoOneMessageGetsExactlyTwoChainedTurnsThenTheSceneWaits() {
        SimTextChannel channel = scene("chain-two", ada, bob);
        assertThat(commands.run(owner, channel, "scene limits", Map.of("chain", "2")))
                .contains("characters answer each other up to 2 turns in a row until a person speaks");
        assertThat(commands.run(mod, channel, "scene strategy", Map.of("strategy", "list"))).contains("**list**");

        harness.simulator.users().post(alice, channel, "hello");

        // the round (Ada, Bob), then Bob's post starts a turn by the next in the list, and hers one by Bob
        assertThat(contents(channel, 4)).containsExactly("Ada: hello", "Bob: hello", "Ada: (Ada answers Bob)",
                "Bob: (Bob answers Ada)");
        // the third chained turn was counted and refused: nothing more comes
        awaitChainCount(channel, 3);
        assertThat(harness.postsIn(channel)).hasSize(4);
    }

    @Test
    void theChainStopsAtTheLimitEvenWhenEveryPostNamesTheOtherCharacter() {
        SimTextChannel channel = scene("chain-named", ada, bob);
        talkativeness(ada, 0);
        talkativeness(bob, 0);
        assertThat(commands.run(owner, channel, "scene limits", Map.of("chain", "1"))).contains("up to 1 turn in a");

        // natural: only naming makes anyone speak; every reply here names the other character
        harness.simulator.users().post(alice, channel, "Ada and Bob, hi");

        // Bob's reply names Ada, so she takes the one chained turn; hers names Bob, who must stay silent
        assertThat(contents(channel, 3)).containsExactly("Ada: Ada and Bob, hi", "Bob: Ada and Bob, hi",
                "Ada: (Ada answers Bob)");
        awaitChainCount(channel, 2);
        assertThat(harness.postsIn(channel)).hasSize(3);
    }

    @Test
    void aPersonSpeakingStartsTheCountAgain() {
        SimTextChannel channel = scene("chain-reset", ada, bob);
        assertThat(commands.run(owner, channel, "scene limits", Map.of("chain", "1"))).contains("up to 1 turn");
        assertThat(commands.run(mod, channel, "scene strategy", Map.of("strategy", "list"))).contains("**list**");

        harness.simulator.users().post(alice, channel, "one");
        assertThat(contents(channel, 3)).containsExactly("Ada: one", "Bob: one", "Ada: (Ada answers Bob)");
        awaitChainCount(channel, 2);

        harness.simulator.users().post(alice, channel, "two");
        assertThat(contents(channel, 6).subList(3, 6)).containsExactly("Ada: two", "Bob: two",
                "Ada: (Ada answers Bob)");
        awaitChainCount(channel, 2);
        assertThat(harness.postsIn(channel)).hasSize(6);
        assertThat(commands.run(owner, channel, "scene limits", Map.of("chain", "11"))).startsWith("❌");
        assertThat(commands.run(mod, channel, "scene limits", Map.of("chain", "3"))).startsWith("❌ Only the bot owner");
        assertThat(harness.scene.limits().maxChain()).isEqualTo(1);
    }

    /** Waits until the loop guard has counted {@code turns} chained turns since the person last spoke. */
    private void awaitChainCount(SimTextChannel channel, int turns) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> harness.keys.get("scene-chain:count:" + channel.id()).orElse("0"),
                        count -> count.equals(Integer.toString(turns)));
    }

    private SimTextChannel scene(String name, Personality... characters) {
        SimTextChannel channel = harness.simulator.world().createTextChannel(guild, name);
        for (Personality p : characters) {
            assertThat(commands.run(mod, channel, "channel activate", Map.of("character", p.slug()))).startsWith("✅");
        }
        assertThat(harness.channels.find(Long.toString(channel.id())).orElseThrow().speakerStrategy())
                .isEqualTo(SpeakerStrategy.NATURAL);
        return channel;
    }

    private void talkativeness(Personality p, int weight) {
        // alice owns the characters, so she sets how readily they speak up
        assertThat(commands.run(alice, harness.simulator.world().dmChannel(alice), "scene talkativeness",
                Map.of("character", p.slug(), "weight", Integer.toString(weight))))
                .isEqualTo("✅ **" + p.shownName() + "** now has talkativeness **" + weight + "**.");
    }

    private List<java.util.UUID> activated(SimTextChannel channel) {
        return harness.channels.find(Long.toString(channel.id())).orElseThrow().activated();
    }

    /** The bot's first {@code count} posts in the channel (waits for them), without reply footers. */
    private List<String> contents(SimTextChannel channel, int count) {
        return harness.awaitPosts(channel, count).stream().map(BotActivity.Posted::content)
                .map(c -> c.split("\n")[0]).toList();
    }
}
