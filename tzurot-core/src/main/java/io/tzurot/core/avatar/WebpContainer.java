package io.tzurot.core.avatar;

import io.tzurot.core.failure.DomainException;
import java.util.Set;

/**
 * WebP avatars are stored as uploaded (the JDK has no WebP decoder), so the whole RIFF container is checked
 * instead: sizes that add up to the file, only WebP chunks, a real VP8/VP8L/VP8X image header first, and
 * dimensions within the pixel cap. A file that merely starts with "RIFF....WEBP" is refused.
 */
final class WebpContainer {

    private static final Set<String> CHUNKS = Set.of("VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP", "EXIF", "XMP ");
    private static final Set<String> IMAGE_CHUNKS = Set.of("VP8 ", "VP8L", "ANMF");

    private WebpContainer() {
    }

    /** The image's width and height, after checking the container; an invalid {@code field} otherwise. */
    static int[] dimensions(String field, byte[] b, long maxPixels) {
        String bad = "'" + field + "' starts like a WebP image but is not a valid one (its RIFF chunks do not add up);"
                + " re-save it as WebP or PNG.";
        if (b.length < 30 || !ascii(b, 0).equals("RIFF") || !ascii(b, 8).equals("WEBP") || u32(b, 4) + 8 != b.length) {
            throw DomainException.invalid(field, bad);
        }
        String first = ascii(b, 12);
        boolean image = false;
        long at = 12;
        while (at < b.length) {
            if (at + 8 > b.length) {
                throw DomainException.invalid(field, bad);
            }
            String id = ascii(b, (int) at);
            long size = u32(b, (int) at + 4);
            long end = at + 8 + size + (size & 1);
            if (!CHUNKS.contains(id) || end > b.length) {
                throw DomainException.invalid(field, bad);
            }
            image |= IMAGE_CHUNKS.contains(id);
            at = end;
        }
        int[] size = switch (first) {
            case "VP8 " -> vp8(b, 20);
            case "VP8L" -> vp8l(b, 20);
            case "VP8X" -> u32(b, 16) >= 10 ? new int[] {1 + u24(b, 24), 1 + u24(b, 27)} : null;
            default -> null;
        };
        if (size == null || !image) {
            throw DomainException.invalid(field, bad);
        }
        AvatarImages.checkPixels(field, size[0], size[1], maxPixels);
        return size;
    }

    // a key frame: frame tag, start code 9D 01 2A, then 14-bit width and height
    private static int[] vp8(byte[] b, int p) {
        if (p + 10 > b.length || (b[p] & 1) != 0 || (b[p + 3] & 0xFF) != 0x9D || (b[p + 4] & 0xFF) != 0x01
                || (b[p + 5] & 0xFF) != 0x2A) {
            return null;
        }
        return new int[] {u16(b, p + 6) & 0x3FFF, u16(b, p + 8) & 0x3FFF};
    }

    // signature 0x2F, then 14 bits width-1, 14 bits height-1, 1 alpha bit, 3 version bits (0)
    private static int[] vp8l(byte[] b, int p) {
        if (p + 5 > b.length || (b[p] & 0xFF) != 0x2F) {
            return null;
        }
        long bits = u32(b, p + 1);
        if ((bits >>> 29) != 0) {
            return null;
        }
        return new int[] {(int) (bits & 0x3FFF) + 1, (int) ((bits >>> 14) & 0x3FFF) + 1};
    }

    private static String ascii(byte[] b, int at) {
        return at + 4 > b.length ? "" : new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int at) {
        return u16(b, at) | (b[at + 2] & 0xFF) << 16;
    }

    private static long u32(byte[] b, int at) {
        return (u24(b, at) | (long) (b[at + 3] & 0xFF) << 24) & 0xFFFFFFFFL;
    }
}
