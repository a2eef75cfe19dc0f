package io.tzurot.web.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.testkit.http.LargePng;
import io.tzurot.core.avatar.AvatarImages;
import io.tzurot.core.failure.DomainException;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.DomainErrors;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Avatar decoding (core's one image rule) stays small: header-first pixel cap, subsampled decoding, checked WebP;
 * and each refusal answers the web with a 400 naming the field. The decoding bound is tested in core.
 */
class AvatarImagesTest {

    /** A real 1x1 lossless WebP. */
    static final byte[] WEBP_1X1 = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /** "RIFF", a size that matches, "WEBP", then {@code rest} instead of WebP chunks. */
    static byte[] riffWebpThen(String rest) {
        byte[] tail = rest.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        int size = 4 + tail.length;
        out.writeBytes(new byte[] {(byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)});
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(tail);
        return out.toByteArray();
    }

    static byte[] png(int width, int height, boolean deep) {
        return LargePng.of(width, height, deep);
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aHugeDeclaredPngIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
        byte[] bomb = png(7000, 7000, true);
        assertThat(bomb.length).isLessThan(4 * 1024 * 1024); // a few MB on the wire, 392 MB decoded
        long before = allocatedByThisThread();
        assertThatThrownBy(() -> AvatarImages.SHARED.prepare("avatar", bomb)).isInstanceOfSatisfying(DomainException.class, d -> {
            ApiException e = DomainErrors.toApi(d);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.field()).isEqualTo("avatar");
            assertThat(e.getMessage()).contains("7000x7000").contains("at most " + AvatarImages.MAX_PIXELS + " pixels");
        });
        // a full decode would allocate 392 MB of pixels; reading the header costs next to nothing
        assertThat(allocatedByThisThread() - before).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void anImageAtTheCapIsDecodedSubsampledToTheStoredSize() throws Exception {
        byte[] big = png(4096, 4096, true);
        long before = allocatedByThisThread();
        byte[] stored = AvatarImages.SHARED.prepare("avatar", big);
        long allocated = allocatedByThisThread() - before;
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(AvatarImages.MAX_SIDE);
        assertThat(image.getHeight()).isEqualTo(AvatarImages.MAX_SIDE);
        // the full bitmap would be 4096 x 4096 x 8 bytes = 128 MiB; subsampled to 1024 px it is 8 MiB
        assertThat(allocated).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aRealWebpIsStoredAsUploaded() {
        assertThat(AvatarImages.SHARED.prepare("avatar", WEBP_1X1)).isEqualTo(WEBP_1X1);
        assertThat(AvatarImages.mediaType(WEBP_1X1)).isEqualTo("image/webp");
    }

    @Test
    void aWebpHeaderFollowedByAnythingElseIsRefused() {
        for (byte[] fake : new byte[][] {
                riffWebpThen("<html><body><script>alert(document.cookie)</script></body></html>"),
                riffWebpThen("VP8L\u0005\u0000\u0000\u0000<html>"),
                java.util.Arrays.copyOf(WEBP_1X1, WEBP_1X1.length + 100)}) {
            assertThatThrownBy(() -> AvatarImages.SHARED.prepare("avatar", fake)).isInstanceOfSatisfying(DomainException.class, d -> {
                ApiException e = DomainErrors.toApi(d);
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.field()).isEqualTo("avatar");
                assertThat(e.getMessage()).contains("not a valid one");
            });
        }
    }

    @Test
    void aWebpDeclaringTooManyPixelsIsRefused() {
        // VP8X canvas of 8000 x 8000 (stored minus one, 24-bit little-endian), with an empty VP8L image chunk
        byte[] vp8x = {'V', 'P', '8', 'X', 10, 0, 0, 0, 0, 0, 0, 0, (byte) 0x3F, 0x1F, 0, (byte) 0x3F, 0x1F, 0};
        byte[] vp8l = {'V', 'P', '8', 'L', 5, 0, 0, 0, 0x2F, 0, 0, 0, 0, 0};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(vp8x);
        body.writeBytes(vp8l);
        byte[] file = riffWebpThen(new String(body.toByteArray(), StandardCharsets.ISO_8859_1));
        // riffWebpThen encodes as UTF-8: rebuild with the exact bytes
        ByteArrayOutputStream exact = new ByteArrayOutputStream();
        exact.writeBytes(java.util.Arrays.copyOf(file, 12));
        exact.writeBytes(body.toByteArray());
        byte[] bytes = exact.toByteArray();
        int size = bytes.length - 8;
        bytes[4] = (byte) size;
        bytes[5] = (byte) (size >> 8);
        assertThatThrownBy(() -> AvatarImages.SHARED.prepare("avatar", bytes)).isInstanceOfSatisfying(DomainException.class, d -> {
            ApiException e = DomainErrors.toApi(d);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains("8000x8000");
        });
    }
}
