package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryVisibility;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.model.FakeReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /memory} through the whole product: incognito gives a reply but stores no memory until it is turned off;
 * stats, browse, search, edit (embedded again, so search finds the new text), delete; focus mode; purge only after
 * the typed phrase; forget removes what was stored in the last minutes.
 */
class MemoryCommandsTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Memory Guild").characters("Ada");

    @Test
    void incognitoBrowseSearchEditDeleteFocusPurgeAndForget() {
        SimTextChannel channel = scene.channel("journal");
        DiscordApp app = scene.app;
        app.model.enqueue(FakeReply.text("Noted the apple."), FakeReply.text("Noted the pear."),
                FakeReply.text("Noted the plum."), FakeReply.text("Focused."), FakeReply.text("Noted the fig."),
                FakeReply.text("Noted the kiwi."));
        exchange(channel, "@Ada remember apple-7741", 1);
        awaitMemories(1);

        assertThat(answer(command(channel, "memory incognito enable", Map.of("character", "ada", "duration", "30m"))))
                .startsWith("👻 Incognito on for **Ada** until <t:");
        assertThat(answer(command(channel, "memory incognito status", Map.of())))
                .startsWith("👻 Incognito sessions:\n• **Ada** until <t:");
        BotActivity.Posted incognito = exchange(channel, "@Ada remember pear-5309", 2);
        assertThat(incognito.content()).contains("👻 Incognito Mode • Memories not being saved");
        assertThat(answer(command(channel, "memory incognito disable", Map.of("character", "ada"))))
                .isEqualTo("✅ Incognito off for **Ada**: memories are saved again.");
        exchange(channel, "@Ada remember plum-1111", 3);
        // the plum's memory is stored after the pear's would have been: the pear's never came
        assertThat(awaitMemories(2)).extracting(Memory::content).noneMatch(c -> c.contains("pear-5309"));

        assertThat(answer(command(channel, "memory stats", Map.of("character", "ada"))))
                .startsWith("📊 You have **2** memories with **Ada**");
        long browse = command(channel, "memory browse", Map.of("character", "ada"));
        SimMessage list = ephemeral(browse, t -> t.contains("2 in all"));
        assertThat(list.content()).contains("**1.** <t:").contains("<#" + channel.id() + ">").contains("plum-1111");
        Memory plum = memories().stream().filter(m -> m.content().contains("plum-1111")).findFirst().orElseThrow();
        Memory apple = memories().stream().filter(m -> m.content().contains("apple-7741")).findFirst().orElseThrow();

        app.simulator.users().selectOptions(scene.alice, list, "memory::pick::0::ada", plum.id().toString());
        SimMessage detail = current(list, t -> t.startsWith("🧠 **Memory**"));
        assertThat(detail.content()).contains("plum-1111").contains("in <#" + channel.id() + ">");
        long edit = app.simulator.users().clickButton(scene.alice, detail, "memory::edit::" + plum.id());
        assertThat(await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(edit), Optional::isPresent)
                .orElseThrow().callbackType()).isEqualTo(9);
        long edited = app.simulator.users().submitModal(scene.alice, detail, "memory::edited::" + plum.id(),
                Map.of("content", "Alice grows quinces-2222 in her garden"));
        assertThat(answer(edited)).startsWith("✏️ Memory saved");
        assertThat(app.repos.memories().find(plum.id()).orElseThrow().content())
                .isEqualTo("Alice grows quinces-2222 in her garden");
        String found = answer(command(channel, "memory search", Map.of("character", "ada",
                "query", "quinces garden")));
        assertThat(found).startsWith("🔎 Memories closest to \"quinces garden\":\n**1.** score ")
                .containsPattern("\\*\\*1\\.\\*\\* score [0-9.]+ · \\*\\*Ada\\*\\* · <t:\\d+:d> · <#\\d+> · Alice grows"
                        + " quinces-2222");

        app.simulator.users().selectOptions(scene.alice, list, "memory::pick::0::ada", apple.id().toString());
        SimMessage appleDetail = current(list, t -> t.contains("apple-7741"));
        app.simulator.users().clickButton(scene.alice, appleDetail, "memory::remove::" + apple.id() + "::0::ada");
        SimMessage confirm = current(list, t -> t.startsWith("⚠️ Delete this memory for good?"));
        app.simulator.users().clickButton(scene.alice, confirm, "memory::removed::" + apple.id() + "::0::ada");
        assertThat(current(list, t -> t.startsWith("🗑️ Memory deleted.")).content()).contains("1 in all");
        assertThat(app.repos.memories().find(apple.id()).orElseThrow().visibility()).isEqualTo(MemoryVisibility.DELETED);

        assertThat(answer(command(channel, "memory focus enable", Map.of("character", "ada"))))
                .startsWith("🔒 Focus mode on: **Ada**");
        assertThat(answer(command(channel, "memory focus status", Map.of("character", "ada"))))
                .startsWith("🔒 Focus mode is on: **Ada**");
        assertThat(exchange(channel, "@Ada what do I grow?", 4).content()).contains("🔒 Focus Mode");
        assertThat(answer(command(channel, "memory focus disable", Map.of("character", "ada"))))
                .startsWith("🔓 Focus mode off: **Ada**");
        assertThat(answer(command(channel, "memory focus status", Map.of("character", "ada"))))
                .startsWith("🔓 Focus mode is off: **Ada**");
        exchange(channel, "@Ada remember fig-3333", 5);
        awaitMemories(3); // quinces, the focused exchange (still stored), fig

        long purge = command(channel, "memory purge", Map.of("character", "ada"));
        assertThat(answer(purge)).contains("type **DELETE ADA MEMORIES**");
        List<SimMessage> warnings = app.simulator.ephemeralsFor(purge);
        long click = app.simulator.users().clickButton(scene.alice, warnings.get(warnings.size() - 1),
                "memory::purge::ada");
        assertThat(await().atMost(DiscordApp.PATIENCE).until(() -> app.simulator.answer(click), Optional::isPresent)
                .orElseThrow().callbackType()).isEqualTo(9);
        assertThat(answer(app.simulator.users().submitModal(scene.alice, channel, "memory::purged::ada",
                Map.of("confirm", "DELETE")))).startsWith("❌ Type 'DELETE ADA MEMORIES'");
        assertThat(memories()).hasSize(3);
        // the three visible ones, and the row of the apple deleted earlier: a purge leaves nothing behind
        assertThat(answer(app.simulator.users().submitModal(scene.alice, channel, "memory::purged::ada",
                Map.of("confirm", "delete ada memories")))).isEqualTo("🗑️ Deleted 4 memories with **Ada**.");
        assertThat(memories()).isEmpty();
        assertThat(app.repos.memories().find(apple.id())).isEmpty();

        exchange(channel, "@Ada remember kiwi-4444", 6);
        awaitMemories(1);
        assertThat(answer(command(channel, "memory incognito forget", Map.of("character", "ada", "timeframe", "15m"))))
                .isEqualTo("🧹 Forgot 1 memory saved with **Ada** in the last 15m.");
        assertThat(memories()).isEmpty();
    }

    /** Alice's visible memories (every character). */
    private static List<Memory> memories() {
        UUID user = scene.app.repos.users().findByDiscordId(Long.toString(scene.alice.id())).orElseThrow().id();
        return scene.app.repos.personas().listByOwner(user).stream()
                .flatMap(p -> scene.app.repos.memories().list(p.id(), Optional.empty(), 0, 100).items().stream())
                .toList();
    }

    private static List<Memory> awaitMemories(int count) {
        return await().atMost(DiscordApp.PATIENCE).until(MemoryCommandsTest::memories, l -> l.size() == count);
    }

    /** Posts {@code text}, waits for the {@code nth} reply and for its history row; returns the reply. */
    private static BotActivity.Posted exchange(SimTextChannel channel, String text, int nth) {
        scene.app.simulator.users().post(scene.alice, channel, text);
        BotActivity.Posted reply = scene.app.awaitPosts(channel, nth).get(nth - 1);
        await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.repos.history()
                .findByDiscordMessageId(Long.toString(reply.message().id())), Optional::isPresent);
        return reply;
    }

    private static long command(SimTextChannel channel, String path, Map<String, String> options) {
        return scene.app.simulator.users().slashCommand(scene.alice, channel, path, options);
    }

    /** The interaction's latest private answer text, once it has some. */
    private static String answer(long interaction) {
        List<SimMessage> answers = await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(
                interaction), l -> !l.isEmpty() && !l.get(l.size() - 1).content().isEmpty());
        return answers.get(answers.size() - 1).content();
    }

    /** The interaction's private message, in its current state, once its text satisfies {@code condition}. */
    private static SimMessage ephemeral(long interaction, Predicate<String> condition) {
        return await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeralsFor(interaction).stream()
                .map(m -> scene.app.simulator.ephemeral(m.id()).orElse(m)).filter(m -> condition.test(m.content()))
                .reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    /** The message, once an edit made its text satisfy {@code condition}. */
    private static SimMessage current(SimMessage message, Predicate<String> condition) {
        return await().atMost(DiscordApp.PATIENCE).until(() -> scene.app.simulator.ephemeral(message.id()),
                m -> m.isPresent() && condition.test(m.get().content())).orElseThrow();
    }
}
