package io.tzurot.app.web;

import io.tzurot.testkit.fuzz.Hostile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Hostile multipart requests for an upload route, made from a valid one: cut short, without the closing boundary,
 * over the file and request limits, under the wrong content type, empty, without the field {@code file}, with names
 * that are not UTF-8, and seeded random mutations. Each says whether it must be refused or may still be stored.
 */
final class HostileUploads {

    /** One request: {@code mustFail} when no reading of it is a valid upload. */
    record Case(String name, String contentType, byte[] body, boolean mustFail) {
    }

    private static final String B = PortabilityFixtures.BOUNDARY;
    private static final int MIB = 1024 * 1024;

    private HostileUploads() {
    }

    /**
     * The cases for a route whose valid file is {@code file} (named {@code fileName}) with extra form {@code fields}.
     */
    static List<Case> of(Hostile hostile, int mutations, String fileName, byte[] file, String... fields) {
        byte[] valid = PortabilityFixtures.multipart(fileName, "application/json", file, fields);
        String type = PortabilityFixtures.MULTIPART;
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int at = 1 + hostile.random().nextInt(valid.length - 10);
            cases.add(new Case("cut at byte " + at, type, Arrays.copyOf(valid, at), true));
        }
        cases.add(new Case("no closing boundary", type, Arrays.copyOf(valid, valid.length - (B.length() + 6)), true));
        cases.add(new Case("a file over the per-file limit (8.5 MiB)", type,
                PortabilityFixtures.multipart(fileName, "application/json", huge(8 * MIB + MIB / 2), fields), true));
        cases.add(new Case("a request over the size limit (9.5 MiB)", type,
                PortabilityFixtures.multipart(fileName, "application/json", huge(9 * MIB + MIB / 2), fields), true));
        cases.add(new Case("a multipart body sent as text/plain", "text/plain", valid, true));
        cases.add(new Case("multipart without a boundary", "multipart/form-data", valid, true));
        cases.add(new Case("a boundary that is not the body's", "multipart/form-data; boundary=elsewhere", valid, true));
        cases.add(new Case("an empty body", type, new byte[0], true));
        cases.add(new Case("an empty file", type, PortabilityFixtures.multipart(fileName, "application/json", new byte[0],
                fields), true));
        cases.add(new Case("no field 'file'", type, form("other", null, file), true));
        cases.add(new Case("'file' as a plain field, not a file", type, form("file", null, file), true));
        cases.add(new Case("random bytes declared as image/png", type,
                PortabilityFixtures.multipart("x.png", "image/png", hostile.string(300).getBytes(StandardCharsets.UTF_8)),
                true));
        cases.add(new Case("a file name that is not UTF-8", type, latin1Name(file, fields), false));
        cases.add(new Case("a field name that is not UTF-8", type, concat(latin1Field(), valid), false));
        for (int i = 0; i < mutations; i++) {
            boolean random = hostile.random().nextInt(6) == 0;
            cases.add(new Case("mutation " + i, type, random ? hostile.string(2000).getBytes(StandardCharsets.UTF_8)
                    : hostile.mutate(valid), false));
        }
        return cases;
    }

    /** A JSON document of {@code size} bytes (one long string), so only its size is wrong. */
    private static byte[] huge(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        byte[] open = "{\"name\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, b, 0, open.length);
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    /** A form with one part {@code name} holding {@code value}, as a file when {@code fileName} is given. */
    private static byte[] form(String name, String fileName, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes(("\r\n--" + B + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The valid upload, its file named with bytes that are not UTF-8 (Latin-1 and a lone continuation byte). */
    private static byte[] latin1Name(byte[] file, String... fields) {
        byte[] valid = PortabilityFixtures.multipart("NAME", "application/json", file, fields);
        String text = new String(valid, StandardCharsets.ISO_8859_1);
        return text.replace("NAME", "Caf\u00e9 \u00ff\u0080\u00c3(.json").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A first part whose field name is not UTF-8. */
    private static byte[] latin1Field() {
        return ("--" + B + "\r\nContent-Disposition: form-data; name=\"n\u00e4me\u00ff\"\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
