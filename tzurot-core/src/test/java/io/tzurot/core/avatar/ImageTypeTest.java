package io.tzurot.core.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Images are recognised by content and size, whatever they are called. */
class ImageTypeTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length + 16];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void recognisesTheFourFormatsByContent() {
        assertThat(AvatarImages.requireType("avatar", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isEqualTo(ImageType.PNG);
        assertThat(AvatarImages.requireType("avatar", bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(ImageType.JPEG);
        assertThat(AvatarImages.requireType("avatar", bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'))).isEqualTo(ImageType.WEBP);
        assertThat(AvatarImages.requireType("avatar", "GIF89a-rest".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ImageType.GIF);
        assertThat(AvatarImages.requireType("avatar", "GIF87a-rest".getBytes(StandardCharsets.US_ASCII)).mediaType()).isEqualTo("image/gif");
    }

    @Test
    void refusesOtherContentWhateverItIsCalled() {
        assertThatThrownBy(() -> AvatarImages.requireType("image", "<svg xmlns=...>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isInstanceOf(DomainError.InvalidField.class);
                    assertThat(e.error().field()).isEqualTo("image");
                    assertThat(e.getMessage()).contains("'image'").contains("PNG, JPEG, WebP or GIF");
                });
        assertThatThrownBy(() -> AvatarImages.requireType("avatar", bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E')))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> AvatarImages.requireType("avatar", new byte[0])).hasMessageContaining("empty");
        assertThat(ImageType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void acceptsEightMegabytesAndNotOneByteMore() {
        byte[] max = new byte[AvatarImages.MAX_BYTES];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(png, 0, max, 0, png.length);
        assertThat(AvatarImages.requireType("avatar", max)).isEqualTo(ImageType.PNG);
        byte[] over = Arrays.copyOf(max, AvatarImages.MAX_BYTES + 1);
        assertThatThrownBy(() -> AvatarImages.requireType("avatar", over)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isInstanceOf(DomainError.TooLarge.class));
        // a declared size is refused before anything is read
        assertThatThrownBy(() -> AvatarImages.requireSize("image", AvatarImages.MAX_BYTES + 1L))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error().field()).isEqualTo("image");
                    assertThat(e.getMessage()).contains("at most 8 MB");
                });
    }
}
