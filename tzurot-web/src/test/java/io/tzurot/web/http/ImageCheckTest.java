package io.tzurot.web.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.web.http.ImageCheck.ImageType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageCheckTest {

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length + 16];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void recognisesTheFourFormatsByContent() {
        assertThat(ImageCheck.require("avatar", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).isEqualTo(ImageType.PNG);
        assertThat(ImageCheck.require("avatar", bytes(0xFF, 0xD8, 0xFF, 0xE0))).isEqualTo(ImageType.JPEG);
        assertThat(ImageCheck.require("avatar", bytes('R', 'I', 'F', 'F', 1, 2, 3, 4, 'W', 'E', 'B', 'P'))).isEqualTo(ImageType.WEBP);
        assertThat(ImageCheck.require("avatar", "GIF89a-rest".getBytes(StandardCharsets.US_ASCII))).isEqualTo(ImageType.GIF);
        assertThat(ImageCheck.require("avatar", "GIF87a-rest".getBytes(StandardCharsets.US_ASCII)).mediaType()).isEqualTo("image/gif");
    }

    @Test
    void refusesOtherContentWhateverItIsCalled() {
        assertThatThrownBy(() -> ImageCheck.require("avatar", "<svg xmlns=...>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("avatar");
                    assertThat(e.getMessage()).contains("PNG, JPEG, WebP or GIF");
                });
        assertThatThrownBy(() -> ImageCheck.require("avatar", bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E')))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ImageCheck.require("avatar", new byte[0])).hasMessageContaining("empty");
        assertThat(ImageCheck.detect(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    }

    @Test
    void acceptsEightMegabytesAndNotOneByteMore() {
        byte[] max = new byte[ImageCheck.MAX_BYTES];
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(png, 0, max, 0, png.length);
        assertThat(ImageCheck.require("avatar", max)).isEqualTo(ImageType.PNG);
        byte[] over = Arrays.copyOf(max, ImageCheck.MAX_BYTES + 1);
        assertThatThrownBy(() -> ImageCheck.require("avatar", over))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(413));
    }
}
