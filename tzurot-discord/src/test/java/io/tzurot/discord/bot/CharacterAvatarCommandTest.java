package io.tzurot.discord.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.personality.Personality;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /character avatar} end to end on the simulator with real JDA: the owner's attached image becomes the
 * avatar (re-encoded by core's one image rule) and the next webhook reply carries the new, versioned avatar URL;
 * another user is refused and their autocomplete does not offer the character; a file that is not an image, or
 * one over 8 MB, gets a clear ephemeral error and the stored avatar stays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacterAvatarCommandTest {

    private BotHarness harness;
    private CommandScenario commands;
    private SimUser alice;
    private SimUser bob;
    private SimTextChannel channel;
    private Personality portrait;

    @BeforeAll
    void start() {
        harness = BotHarness.withCommands("character-avatar", UnaryOperator.identity());
        commands = new CommandScenario(harness.simulator);
        SimGuild guild = harness.simulator.world().createGuild("Gallery");
        alice = harness.simulator.world().createMember(guild, "alice");
        bob = harness.simulator.world().createMember(guild, "bob");
        harness.verified(bob);
        channel = harness.simulator.world().createTextChannel(guild, "gallery");
        portrait = harness.character(alice, "portrait", "Portrait", null, true);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void theOwnersImageBecomesTheAvatarAndTheNextReplyShowsIt() throws Exception {
        String answer = avatar(alice, harness.simulator.users().attachment("me.jpg", "image/jpeg", image("jpg", 1200,
                600)));

        assertThat(answer).isEqualTo("🖼️ **Portrait** has a new avatar; its next replies show it.");
        byte[] stored = harness.personalities.avatar(portrait.id()).orElseThrow();
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(stored));
        // re-encoded as a PNG of at most 512 px a side, whatever was uploaded
        assertThat(AvatarImages.mediaType(stored)).isEqualTo("image/png");
        assertThat(read.getWidth()).isEqualTo(AvatarImages.MAX_SIDE);
        long version = harness.personalities.findById(portrait.id()).orElseThrow().updatedAt().toEpochMilli();

        harness.simulator.users().post(alice, channel, "@Portrait how do I look?");
        BotActivity.Posted reply = harness.awaitPosts(channel, 1).get(0);
        assertThat(reply.webhookAvatarUrl()).contains(BotHarness.PUBLIC_URL + "/avatars/portrait.png?v=" + version);
    }

    @Test
    void anotherUserIsRefusedAndNotOfferedTheCharacter() throws Exception {
        assertThat(commands.choices(bob, channel, "character avatar", "character", "port")).doesNotContain("portrait");
        byte[] before = harness.personalities.avatar(portrait.id()).orElse(null);

        String answer = avatar(bob, harness.simulator.users().attachment("x.png", "image/png", image("png", 10, 10)));

        assertThat(answer).isEqualTo("❌ Only the owner of 'portrait' may change it.");
        assertThat(harness.personalities.avatar(portrait.id()).orElse(null)).isEqualTo(before);
    }

    @Test
    void aBadOrOversizeImageIsExplainedAndTheAvatarStays() throws Exception {
        avatar(alice, harness.simulator.users().attachment("ok.png", "image/png", image("png", 20, 20)));
        byte[] before = harness.personalities.avatar(portrait.id()).orElseThrow();

        String notImage = avatar(alice, harness.simulator.users().attachment("cat.png", "image/png",
                "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8)));
        assertThat(notImage).isEqualTo("❌ 'image' is not a PNG, JPEG, WebP or GIF image (checked by its content).");

        byte[] broken = image("png", 40, 40);
        String damaged = avatar(alice, harness.simulator.users().attachment("torn.png", "image/png",
                java.util.Arrays.copyOf(broken, broken.length / 2)));
        assertThat(damaged).startsWith("❌ 'image' starts like a PNG image but could not be read");

        byte[] huge = java.util.Arrays.copyOf(image("png", 8, 8), AvatarImages.MAX_BYTES + 1);
        String tooLarge = avatar(alice, harness.simulator.users().attachment("huge.png", "image/png", huge));
        assertThat(tooLarge).startsWith("❌ 'image' is " + huge.length + " bytes; images may be at most 8 MB");

        assertThat(harness.personalities.avatar(portrait.id()).orElseThrow()).isEqualTo(before);
    }

    private String avatar(SimUser user, SimAttachment image) {
        long id = harness.simulator.users().slashCommand(user, channel, "character avatar",
                Map.of("character", "portrait"), Map.of("image", image));
        return commands.ephemeralText(id);
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x += 3) {
            image.setRGB(x, x % height, 0x884422 + x);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
