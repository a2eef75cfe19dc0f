package io.tzurot.app.discord;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.user.User;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimRole;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rest of what extended context shows a character (spec/discord.md §1.9), end to end on real JDA against the
 * simulator and read from the prompt the fake model received: the channel's newest images described up to
 * {@code maxImages}, the server details of the people talking, stickers with their descriptions, and a forwarded
 * message under the person who wrote it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscordExtendedContextTest {

    @RegisterExtension
    static final DiscordScene scene = DiscordScene.in("Lamplight Gallery").characters("Lilith");

    private static final byte[] PNG = "fake png".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    void start() {
        // vision requests are answered by what they show; everything else with a short reply
        scene.app.model.respondWith(r -> r.imageUrls().isEmpty() ? FakeReply.text("Noted.")
                : FakeReply.text("a drawing called " + r.imageUrls().get(0).substring(
                        r.imageUrls().get(0).lastIndexOf('/') + 1)));
        User alice = scene.app.verified(scene.alice);
        scene.app.repos.userPersonalityConfigs().setConfigOverrides(alice.id(), scene.character("Lilith").id(),
                ConfigOverrides.EMPTY.with(SettingKey.MAX_IMAGES, TierValue.of(2)));
    }

    @Test
    void onlyTheNewestImagesUpToMaxImagesAreDescribed() {
        SimTextChannel channel = scene.channel("sketches");
        var users = scene.app.simulator.users();
        users.postWithAttachments(scene.alice, channel, "my first sketch", users.attachment("one.png", "image/png", PNG));
        users.postWithAttachments(scene.alice, channel, "two more", users.attachment("two.png", "image/png", PNG),
                users.attachment("three.png", "image/png", PNG));
        int before = scene.app.model.requests().size();

        users.post(scene.alice, channel, "@Lilith which sketch is best?");
        scene.app.awaitPosts(channel, 1);

        List<String> described = scene.app.model.requests().subList(before, scene.app.model.requests().size()).stream()
                .flatMap(r -> r.imageUrls().stream()).map(u -> u.substring(u.lastIndexOf('/') + 1)).toList();
        assertThat(described).containsExactlyInAnyOrder("two.png", "three.png");
        String prompt = DiscordScene.systemPrompt(scene.lastChat());
        assertThat(prompt).contains("<image filename=\"two.png\">a drawing called two.png</image>"
                        + "<image filename=\"three.png\">a drawing called three.png</image>")
                .contains("my first sketch").doesNotContain("a drawing called one.png");
    }

    @Test
    void theSpeakersAndParticipantsServerDetailsReachThePrompt() {
        SimTextChannel channel = scene.channel("members");
        SimUser bob = scene.app.simulator.world().createMember(scene.guild, "bob");
        scene.app.verified(bob);
        SimRole keepers = scene.app.simulator.world().createColouredRole(scene.guild, "Lamp Keepers", 0xFF8800);
        SimRole readers = scene.app.simulator.world().createColouredRole(scene.guild, "Readers", 0);
        scene.app.simulator.world().setMemberRoles(scene.guild, scene.alice, keepers, readers);
        scene.app.simulator.world().setMemberRoles(scene.guild, bob, readers);
        scene.app.simulator.users().post(bob, channel, "the east wing is closed today");

        scene.app.simulator.users().post(scene.alice, channel, "@Lilith who is around?");
        scene.app.awaitPosts(channel, 1);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String prompt = DiscordScene.systemPrompt(scene.lastChat());
        // roles highest first; the colour is that of the highest coloured role
        assertThat(prompt).containsPattern("<participant id=\"[0-9a-f-]+\" active=\"true\">\n<name>alice</name>\n"
                        + "<guild_info color=\"#FF8800\" joined=\"" + today + "\"><roles><role>Readers</role>"
                        + "<role>Lamp Keepers</role></roles></guild_info>")
                .containsPattern("<participant id=\"[0-9a-f-]+\">\n<name>bob</name>\n<guild_info joined=\"" + today
                        + "\"><roles><role>Readers</role></roles></guild_info>");
    }

    @Test
    void aStickerIsShownWithItsDescription() {
        SimTextChannel channel = scene.channel("stickers");
        scene.app.simulator.users().sticker(scene.alice, channel, "Lantern Wave", "A paper lantern waving hello");

        scene.app.simulator.users().post(scene.alice, channel, "@Lilith did you see that?");
        scene.app.awaitPosts(channel, 1);

        assertThat(DiscordScene.systemPrompt(scene.lastChat()))
                .contains("[Sticker: Lantern Wave — A paper lantern waving hello]");
    }

    @Test
    void aForwardedMessageIsShownUnderItsOriginalAuthor() {
        SimTextChannel archive = scene.channel("archive");
        SimTextChannel channel = scene.channel("forwards");
        SimUser carol = scene.app.simulator.world().createMember(scene.guild, "carol");
        SimMessage original = scene.app.simulator.users().post(carol, archive, "the vault opens at midnight");
        scene.app.simulator.users().forward(scene.alice, channel, original);

        scene.app.simulator.users().post(scene.alice, channel, "@Lilith when does it open?");
        scene.app.awaitPosts(channel, 1);

        RecordedRequest chat = scene.lastChat();
        assertThat(DiscordScene.systemPrompt(chat)).containsPattern("<message from=\"carol\" (from_id=\"[0-9a-f-]+\" )?role=\"user\" t=\"[^\"]+\">"
                + "\\[Forwarded by alice\\]\nthe vault opens at midnight</message>")
                .doesNotContain("[Forwarded message]");
    }
}
