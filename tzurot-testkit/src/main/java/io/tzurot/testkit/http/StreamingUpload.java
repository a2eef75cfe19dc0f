package io.tzurot.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 request whose body is generated while it is sent (never held in memory), chunked or with a
 * declared length, over a plain socket. The answer is read while the body is still going out, and sending
 * stops as soon as the answer is complete: the way to check that a server refuses an oversize body early.
 */
public final class StreamingUpload {

    private static final int CHUNK = 64 * 1024;

    /** The server's answer and how much of the body had been written when sending stopped. */
    public record Answer(int status, Map<String, String> headers, String body, long bytesSent) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private StreamingUpload() {
    }

    /**
     * Sends {@code prefix} then filler bytes up to {@code totalBytes} in all, as a chunked body.
     *
     * @param headers extra request headers (Authorization, Content-Type, ...)
     */
    public static Answer chunked(String host, int port, String method, String path, Map<String, String> headers,
                                 byte[] prefix, long totalBytes) throws IOException {
        return send(host, port, method, path, headers, prefix, totalBytes, true);
    }

    /** As {@link #chunked}, with {@code Content-Length: totalBytes} declared up front. */
    public static Answer withLength(String host, int port, String method, String path, Map<String, String> headers,
                                    byte[] prefix, long totalBytes) throws IOException {
        return send(host, port, method, path, headers, prefix, totalBytes, false);
    }

    private static Answer send(String host, int port, String method, String path, Map<String, String> headers,
                               byte[] prefix, long totalBytes, boolean chunked) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            // A thread of its own, not the shared pool: a busy pool would notice the answer late and let the loop
            // below go on sending.
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try {
                    answer.complete(read(in));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }, "streaming-upload-reader");
            reader.setDaemon(true);
            reader.start();
            long sent = 0;
            try {
                OutputStream out = socket.getOutputStream();
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
                headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + totalBytes + "\r\n");
                head.append("\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                byte[] filler = new byte[CHUNK];
                Arrays.fill(filler, (byte) 'x');
                // the sender also looks at its own socket: on a loaded machine the reader thread may get no CPU for
                // longer than it takes to push hundreds of megabytes over loopback to a server that discards them
                while (sent < totalBytes && !answer.isDone() && in.available() == 0) {
                    byte[] piece = sent < prefix.length ? Arrays.copyOfRange(prefix, (int) sent, prefix.length) : filler;
                    int n = (int) Math.min(piece.length, totalBytes - sent);
                    if (chunked) {
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write(piece, 0, n);
                    if (chunked) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += n;
                }
                if (chunked && sent >= totalBytes) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection after answering early: the answer is still read below
            }
            try {
                Answer a = answer.get(60, TimeUnit.SECONDS);
                return new Answer(a.status(), a.headers(), a.body(), sent);
            } catch (Exception e) {
                throw new IOException("no answer after sending " + sent + " bytes: " + e, e);
            }
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        } else {
            body.write(in.readAllBytes());
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), -1);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                out.write(b);
            }
        }
        if (b == -1 && out.size() == 0) {
            throw new IOException("connection closed before the answer was complete");
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
