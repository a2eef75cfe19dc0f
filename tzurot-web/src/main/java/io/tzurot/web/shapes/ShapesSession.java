package io.tzurot.web.shapes;

import io.tzurot.core.failure.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One import's calls to shapes.inc: the cookie jar (the session cookie, updated by each {@code Set-Cookie} as the
 * site rotates it), the pause between calls and the retries. The cookie lives only as long as this object and
 * appears in no message.
 */
final class ShapesSession {

    /** What one call returned; 404 is left to the caller, every other failure is thrown. */
    record Reply(int status, byte[] body) {
    }

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/124.0 Safari/537.36";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;
    private static final long MAX_BODY = 32L * 1024 * 1024;
    private static final long MAX_IMAGE = 10L * 1024 * 1024;

    private final HttpClient http;
    private final Duration gap;
    private final Map<String, String> jar = new LinkedHashMap<>();
    private boolean first = true;

    ShapesSession(HttpClient http, Duration gap, String cookie) {
        this.http = http;
        this.gap = gap;
        for (String part : cookie.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                jar.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
    }

    Reply get(String url) {
        for (int attempt = 1; ; attempt++) {
            int status;
            byte[] body;
            try {
                // retries back off 2 s, then 4 s; with no gap (a local fake site) they do not wait
                pause(attempt == 1 ? gap : gap.isZero() ? Duration.ZERO : Duration.ofSeconds(attempt == 2 ? 2 : 4));
                HttpResponse<InputStream> r = http.send(request(URI.create(url)).header("Accept", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofInputStream());
                status = r.statusCode();
                remember(r.headers().allValues("set-cookie"));
                body = read(r.body(), MAX_BODY);
            } catch (IOException e) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw HttpShapesSource.unreachable("no answer");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw HttpShapesSource.unreachable("interrupted");
            }
            if (status == 401 || status == 403 || (status >= 300 && status < 400)) {
                throw DomainException.invalid("sessionCookie", "shapes.inc did not accept your session cookie (HTTP "
                        + status + "): it has expired or is not the right one. Log in to shapes.inc again and copy a"
                        + " fresh 'appSession' cookie.");
            }
            if (status == 429 || status >= 500) {
                if (attempt < ATTEMPTS) {
                    continue;
                }
                throw HttpShapesSource.unreachable("HTTP " + status + " after " + ATTEMPTS + " attempts");
            }
            if (status == 404 || status < 300) {
                return new Reply(status, body);
            }
            throw HttpShapesSource.unreachable("HTTP " + status);
        }
    }

    /** An image of at most 10 MB, or an exception. */
    byte[] image(URI uri) {
        try {
            pause(gap);
            HttpResponse<InputStream> r = http.send(request(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IllegalStateException("avatar HTTP " + r.statusCode());
            }
            return read(r.body(), MAX_IMAGE);
        } catch (IOException e) {
            throw new IllegalStateException("avatar not fetched", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        StringBuilder cookie = new StringBuilder();
        jar.forEach((k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("User-Agent", USER_AGENT)
                .header("Cookie", cookie.toString()).GET();
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
    }

    private void pause(Duration d) throws InterruptedException {
        if (first) {
            first = false;
            return;
        }
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis());
        }
    }

    private static byte[] read(InputStream in, long max) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > max) {
                    throw new IOException("answer larger than " + max + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
