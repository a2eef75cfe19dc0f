package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimGuild;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Guilds denied bot-wide are left (spec/discord.md §4), on real JDA against the simulator: one the bot is added
 * to, and at start-up one it is already in; a guild denied only for one character is not.
 */
class GuildDenialTest {

    private BotHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void aDeniedGuildIsLeftWhenTheBotIsAddedToIt() {
        harness = BotHarness.start("guild-denial-join");
        SimGuild denied = harness.simulator.world().createGuildWithoutBot("Spam Guild");
        SimGuild welcome = harness.simulator.world().createGuildWithoutBot("Welcome Guild");
        deny(Long.toString(denied.id()), DenylistScope.BOT, DenylistMode.BLOCK);

        harness.simulator.world().addBot(welcome);
        harness.simulator.world().addBot(denied);

        await().atMost(BotHarness.PATIENCE).until(() -> left(denied));
        assertThat(left(welcome)).isFalse();
        await().atMost(BotHarness.PATIENCE).until(() -> harness.bot().shards().get(0).getGuildById(denied.id()) == null);
    }

    @Test
    void aDeniedGuildIsLeftAtStartButOneDeniedOnlyForACharacterIsNot() {
        harness = BotHarness.withoutBot("guild-denial-start");
        SimGuild denied = harness.simulator.world().createGuild("Denied At Start");
        SimGuild narrow = harness.simulator.world().createGuild("Narrow Denial");
        deny(Long.toString(denied.id()), DenylistScope.BOT, DenylistMode.BLOCK);
        deny(Long.toString(narrow.id()), DenylistScope.PERSONALITY, DenylistMode.BLOCK);

        harness.startBot();

        await().atMost(BotHarness.PATIENCE).until(() -> left(denied));
        assertThat(left(narrow)).isFalse();
    }

    private boolean left(SimGuild guild) {
        return harness.simulator.activity().stream()
                .anyMatch(a -> a instanceof BotActivity.LeftGuild l && l.guildId() == guild.id());
    }

    private void deny(String guildId, DenylistScope scope, DenylistMode mode) {
        harness.denylist.add(DenylistEntry.create(DenylistType.GUILD, guildId, scope,
                scope == DenylistScope.PERSONALITY ? "00000000-0000-0000-0000-000000000001" : null, mode, "spam",
                "900000000000000001", Instant.now(), null));
    }
}
