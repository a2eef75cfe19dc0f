package io.tzurot.web.personality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.fuzz.Hostile;
import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.avatar.ImageType;
import io.tzurot.core.failure.DomainException;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.DomainErrors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Hostile avatar uploads (seeded, bounded): mutations of real PNG, JPEG, GIF and WebP files and random bytes are
 * either stored as a readable image of at most 512 pixels a side or refused with a 400/413 naming the field;
 * nothing else escapes. A small file declaring a huge bitmap is refused or decoded at a reduced size, never as a
 * whole.
 */
class AvatarFuzzTest {

    private static final long SEED = 0xA7A7A7L;
    private static final int ITERATIONS = 1500;

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x += 7) {
            image.setRGB(x, x % height, 0x336699 + x);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
        return out.toByteArray();
    }

    private static byte[] webp() {
        byte[] b = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        b[4] = 56;
        System.arraycopy("WEBPVP8 ".getBytes(), 0, b, 8, 8);
        return b;
    }

    @Test
    void hostileUploadsAreStoredAsSmallImagesOrRefusedClearly() throws Exception {
        List<byte[]> samples = new ArrayList<>(List.of(image("png", 40, 30), image("jpg", 50, 20), image("gif", 16, 16),
                image("png", 700, 90), webp()));
        Hostile hostile = new Hostile(SEED);
        int stored = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] upload = hostile.random().nextInt(5) == 0
                    ? hostile.string(2000).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)
                    : hostile.mutate(samples.get(hostile.random().nextInt(samples.size())));
            String where = "#" + i + " (seed " + SEED + ")";
            try {
                byte[] result = AvatarImages.SHARED.prepare("avatar", upload);
                stored++;
                ImageType type = ImageType.detect(result).orElseThrow(() -> new AssertionError(where + ": stored non-image"));
                if (type != ImageType.WEBP) {
                    BufferedImage read = ImageIO.read(new ByteArrayInputStream(result));
                    assertThat(read).as(where).isNotNull();
                    assertThat(Math.max(read.getWidth(), read.getHeight())).as(where).isLessThanOrEqualTo(AvatarImages.MAX_SIDE);
                }
            } catch (DomainException d) {
                ApiException e = DomainErrors.toApi(d);
                assertThat(e.status()).as(where).isIn(400, 413);
                assertThat(e.getMessage()).as(where).contains("avatar");
            }
        }
        assertThat(stored).as("some mutations are still images").isPositive();
    }

    @Test
    void aSmallFileDeclaringAHugeBitmapIsNeverDecodedWhole() throws Exception {
        // 4000 x 4000 (within the pixel cap) compresses to a few kB; decoded whole it would take 64 MB of heap.
        byte[] bomb = image("png", 4000, 4000);
        assertThat(bomb.length).isLessThan(1_000_000);
        byte[] stored = AvatarImages.SHARED.prepare("avatar", bomb);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(read.getWidth()).isEqualTo(AvatarImages.MAX_SIDE);
        // a header claiming more pixels than the cap is refused before any decoding
        byte[] claims = bomb.clone();
        // IHDR width and height sit at bytes 16..23 of a PNG
        claims[16] = 0x00; claims[17] = 0x01; claims[18] = (byte) 0x86; claims[19] = (byte) 0xA0; // 100000
        claims[20] = 0x00; claims[21] = 0x01; claims[22] = (byte) 0x86; claims[23] = (byte) 0xA0;
        try {
            AvatarImages.SHARED.prepare("avatar", claims);
            throw new AssertionError("a 100000 x 100000 image was accepted");
        } catch (DomainException e) {
            assertThat(DomainErrors.toApi(e).status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("pixels");
        }
    }
}
