package io.tzurot.storage.card;

import io.tzurot.core.card.CardFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * CHARX zips (spec cards.md §5.3): read with every size counted as it is inflated (never trusting the headers),
 * so a zip bomb stops at the limit; no encrypted, repeated or path-escaping entries.
 */
final class CharxArchive {

    private CharxArchive() {
    }

    static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** Every file in the zip by path, in zip order. */
    static Map<String, byte[]> read(byte[] zip) {
        if (!isZip(zip)) {
            throw new CardFileException("The file is not a CHARX (zip) archive.");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (files.size() >= CardLimits.MAX_ZIP_ENTRIES) {
                    throw new CardFileException("The CHARX holds more than " + CardLimits.MAX_ZIP_ENTRIES + " files.");
                }
                String name = entry.getName();
                if (name.startsWith("/") || name.contains("\\") || name.contains("..") || name.contains("\0")) {
                    throw new CardFileException("The CHARX has an entry with an unsafe path: '" + printable(name) + "'.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                if (files.containsKey(name)) {
                    throw new CardFileException("The CHARX holds '" + printable(name) + "' twice.");
                }
                byte[] content = readBounded(in, name, CardLimits.MAX_ZIP_TOTAL_BYTES - total);
                total += content.length;
                files.put(name, content);
            }
        } catch (ZipException e) {
            String why = e.getMessage() == null ? "" : e.getMessage();
            throw new CardFileException(why.contains("encrypt") ? "The CHARX is encrypted; send an unencrypted zip."
                    : "The CHARX zip is damaged (" + why + ").");
        } catch (IOException e) {
            throw new CardFileException("The CHARX zip could not be read: it is damaged or truncated.");
        } catch (IllegalArgumentException e) {
            // the JDK's zip reader refuses entry names that are not valid UTF-8 this way
            throw new CardFileException("The CHARX has an entry whose name is not valid UTF-8; the zip is damaged.");
        }
        if (files.isEmpty()) {
            throw new CardFileException("The CHARX zip is empty or damaged.");
        }
        return files;
    }

    private static byte[] readBounded(InputStream in, String name, long totalLeft) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        long limit = Math.min(CardLimits.MAX_ZIP_ENTRY_BYTES, totalLeft);
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + (long) n > limit) {
                throw new CardFileException(out.size() + (long) n > CardLimits.MAX_ZIP_ENTRY_BYTES
                        ? "The CHARX entry '" + printable(name) + "' inflates to more than "
                        + CardLimits.MAX_ZIP_ENTRY_BYTES + " bytes (a zip bomb?)."
                        : "The CHARX inflates to more than " + CardLimits.MAX_ZIP_TOTAL_BYTES + " bytes in total (a zip bomb?).");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static byte[] write(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                ZipEntry e = new ZipEntry(f.getKey());
                e.setTime(0); // fixed timestamps: the same card gives the same bytes
                out.putNextEntry(e);
                out.write(f.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static String printable(String name) {
        String s = name.replaceAll("[\\p{Cntrl}]", "?");
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
