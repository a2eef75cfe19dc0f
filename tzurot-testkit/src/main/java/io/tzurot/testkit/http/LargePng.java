package io.tzurot.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A real PNG of black pixels that is small on disk and huge once decoded (7000 x 7000 at 16 bits per RGBA
 * channel is 392 MB of pixels in under 2 MB): the decompression-bomb shape of hostile avatar uploads. Rows are
 * compressed as they are generated, so making one never holds the bitmap either.
 */
public final class LargePng {

    private LargePng() {
    }

    /** {@code width x height}, 16-bit RGBA when {@code deep}, else 8-bit RGB. */
    public static byte[] of(int width, int height, boolean deep) {
        try {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(ihdr);
            h.writeInt(width);
            h.writeInt(height);
            h.writeByte(deep ? 16 : 8);
            h.writeByte(deep ? 6 : 2); // RGBA or RGB
            h.write(new byte[3]);
            chunk(file, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_SPEED), 1 << 16)) {
                byte[] row = new byte[1 + width * (deep ? 8 : 3)]; // filter byte 0, then black pixels
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            }
            chunk(file, "IDAT", idat.toByteArray());
            chunk(file, "IEND", new byte[0]);
            return file.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(file);
        out.writeInt(data.length);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
