package io.tzurot.storage.card;

import io.tzurot.core.card.CardFileException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * PNG chunk walking for cards: every chunk's length and CRC-32 is checked; the card lives in a {@code tEXt}
 * chunk keyed {@code chara} (V2) or {@code ccv3} (V3), base64 of UTF-8 JSON (spec cards.md §5.1).
 */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** One chunk: its four-letter type and its data. */
    record Chunk(String type, byte[] data) {
    }

    private PngChunks() {
    }

    static boolean isPng(byte[] bytes) {
        return bytes.length >= 8 && Arrays.equals(Arrays.copyOf(bytes, 8), SIGNATURE);
    }

    /** Every chunk up to and including IEND, checked. */
    static List<Chunk> read(byte[] png) {
        if (!isPng(png)) {
            throw new CardFileException("The file is not a PNG image (its first bytes are not the PNG signature).");
        }
        List<Chunk> chunks = new ArrayList<>();
        int pos = 8;
        int textChunks = 0;
        while (true) {
            if (pos + 12 > png.length) {
                throw new CardFileException("The PNG is truncated: chunk " + (chunks.size() + 1)
                        + " is cut off before the IEND chunk.");
            }
            long length = readInt(png, pos) & 0xffffffffL;
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new CardFileException("The PNG has a chunk with an invalid type at byte " + pos + ".");
            }
            if (length > png.length - pos - 12L) {
                throw new CardFileException("The PNG's " + type + " chunk claims " + length
                        + " bytes, more than the file holds.");
            }
            int len = (int) length;
            CRC32 crc = new CRC32();
            crc.update(png, pos + 4, 4 + len);
            long stored = readInt(png, pos + 8 + len) & 0xffffffffL;
            if (crc.getValue() != stored) {
                throw new CardFileException("The PNG's " + type + " chunk (chunk " + (chunks.size() + 1)
                        + ") has a bad CRC: the file is damaged.");
            }
            if (chunks.isEmpty() && !type.equals("IHDR")) {
                throw new CardFileException("The PNG does not start with an IHDR chunk.");
            }
            if (type.equals("tEXt") || type.equals("iTXt") || type.equals("zTXt")) {
                if (++textChunks > CardLimits.MAX_TEXT_CHUNKS) {
                    throw new CardFileException("The PNG has more than " + CardLimits.MAX_TEXT_CHUNKS + " text chunks.");
                }
            }
            chunks.add(new Chunk(type, Arrays.copyOfRange(png, pos + 8, pos + 8 + len)));
            if (chunks.size() > CardLimits.MAX_PNG_CHUNKS) {
                throw new CardFileException("The PNG has more than " + CardLimits.MAX_PNG_CHUNKS + " chunks.");
            }
            pos += 12 + len;
            if (type.equals("IEND")) {
                return chunks;
            }
        }
    }

    /** Width and height from IHDR, checked against {@link CardLimits#MAX_IMAGE_SIDE}. */
    static void checkSize(List<Chunk> chunks) {
        byte[] ihdr = chunks.get(0).data();
        if (ihdr.length != 13) {
            throw new CardFileException("The PNG's IHDR chunk is " + ihdr.length + " bytes, not 13.");
        }
        long w = readInt(ihdr, 0) & 0xffffffffL;
        long h = readInt(ihdr, 4) & 0xffffffffL;
        if (w == 0 || h == 0 || w > CardLimits.MAX_IMAGE_SIDE || h > CardLimits.MAX_IMAGE_SIDE) {
            throw new CardFileException("The PNG image is " + w + "x" + h + " pixels; cards may be at most "
                    + CardLimits.MAX_IMAGE_SIDE + " pixels a side.");
        }
    }

    /**
     * The decoded card JSON of the tEXt chunk with this keyword (case-insensitive); empty when there is none, an
     * error when there are two.
     */
    static Optional<byte[]> cardText(List<Chunk> chunks, String keyword) {
        byte[] found = null;
        for (Chunk c : chunks) {
            if (!c.type().equals("tEXt")) {
                continue;
            }
            int nul = indexOf(c.data(), (byte) 0);
            if (nul < 0) {
                continue;
            }
            String key = new String(c.data(), 0, nul, StandardCharsets.ISO_8859_1);
            if (!key.toLowerCase(Locale.ROOT).equals(keyword)) {
                continue;
            }
            if (found != null) {
                throw new CardFileException("The PNG has two '" + keyword + "' text chunks; a card has one.");
            }
            found = decodeBase64(Arrays.copyOfRange(c.data(), nul + 1, c.data().length), keyword);
        }
        return Optional.ofNullable(found);
    }

    private static byte[] decodeBase64(byte[] text, String keyword) {
        if (text.length > CardLimits.MAX_JSON_BYTES / 3 * 4 + 4) {
            throw new CardFileException("The PNG's '" + keyword + "' chunk is " + text.length
                    + " bytes; a card may be at most " + CardLimits.MAX_JSON_BYTES + " bytes of JSON.");
        }
        String s = new String(text, StandardCharsets.ISO_8859_1).strip();
        try {
            return java.util.Base64.getMimeDecoder().decode(requireBase64(s, keyword));
        } catch (IllegalArgumentException e) {
            throw new CardFileException("The PNG's '" + keyword + "' chunk is not valid base64.");
        }
    }

    private static String requireBase64(String s, String keyword) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                    || c == '=' || c == '\r' || c == '\n' || c == '-' || c == '_';
            if (!ok) {
                throw new CardFileException("The PNG's '" + keyword + "' chunk is not valid base64 (character "
                        + (c < 32 || c > 126 ? String.format("0x%02x", (int) c) : "'" + c + "'") + " at " + i + ").");
            }
        }
        return s.replace('-', '+').replace('_', '/');
    }

    /** The PNG without card text chunks, with these (keyword, JSON) text chunks inserted just before IEND. */
    static byte[] withCardText(List<Chunk> chunks, List<String[]> texts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        for (Chunk c : chunks) {
            if (isCardText(c)) {
                continue;
            }
            if (c.type().equals("IEND")) {
                for (String[] t : texts) {
                    byte[] b64 = java.util.Base64.getEncoder().encode(t[1].getBytes(StandardCharsets.UTF_8));
                    byte[] key = t[0].getBytes(StandardCharsets.ISO_8859_1);
                    byte[] data = new byte[key.length + 1 + b64.length];
                    System.arraycopy(key, 0, data, 0, key.length);
                    System.arraycopy(b64, 0, data, key.length + 1, b64.length);
                    write(out, "tEXt", data);
                }
            }
            write(out, c.type(), c.data());
        }
        return out.toByteArray();
    }

    private static boolean isCardText(Chunk c) {
        if (!c.type().equals("tEXt")) {
            return false;
        }
        int nul = indexOf(c.data(), (byte) 0);
        String key = new String(c.data(), 0, nul < 0 ? c.data().length : nul, StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return key.equals("chara") || key.equals("ccv3");
    }

    static void write(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        writeInt(out, data.length);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    /** A plain 64x64 grey PNG, for a card export of a character without an avatar (or with a WebP one). */
    static byte[] placeholder() {
        int side = 64;
        byte[] raw = new byte[side * (1 + side * 3)];
        for (int y = 0; y < side; y++) {
            Arrays.fill(raw, y * (1 + side * 3) + 1, (y + 1) * (1 + side * 3), (byte) 0x88);
        }
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        byte[] ihdr = {0, 0, 0, (byte) side, 0, 0, 0, (byte) side, 8, 2, 0, 0, 0};
        write(out, "IHDR", ihdr);
        write(out, "IDAT", Arrays.copyOf(buf, n));
        write(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
