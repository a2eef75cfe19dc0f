package io.tzurot.core.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Decoding is bounded: the overflow is refused as busy, naming the field, and the next upload goes through. */
class DecodeTurnsTest {

    @Test
    void concurrentDecodingIsBoundedAndTheOverflowIsRefusedClearly() throws Exception {
        DecodeTurns turns = new DecodeTurns(1, Duration.ZERO);
        AvatarImages images = new AvatarImages(turns);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> turns.run("avatar", () -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }));
        inside.await();
        byte[] small = png(8, 8);
        assertThatThrownBy(() -> images.prepare("avatar", small)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.error()).isInstanceOfSatisfying(DomainError.Unavailable.class,
                    u -> assertThat(u.reason()).isEqualTo(DomainError.Reason.BUSY));
            assertThat(e.getMessage()).contains("try 'avatar' again");
        });
        release.countDown();
        assertThat(first.get()).isEqualTo("done");
        assertThat(images.prepare("avatar", small)).isNotEmpty();
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
