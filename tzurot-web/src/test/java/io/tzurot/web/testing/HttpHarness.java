package io.tzurot.web.testing;

import io.tzurot.web.server.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** What every test server shares: its address and plain HTTP calls to it (redirects are not followed). */
public abstract class HttpHarness implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** The running server. */
    protected abstract WebServer server();

    public String base() {
        return "http://127.0.0.1:" + server().port();
    }

    public HttpClient http() {
        return http;
    }

    public HttpResponse<String> send(String method, String path, String bearer, String contentType, String body,
                                     String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return exchange(b, bearer, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send("GET", path, bearer, null, null);
    }

    public HttpResponse<String> postJson(String path, String bearer, String json) {
        return send("POST", path, bearer, "application/json", json);
    }

    /** A form as the console's htmx sends it; {@code pairs} are name, value, name, value, ... */
    public HttpResponse<String> htmxForm(String path, String bearer, String... pairs) {
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            body.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return send("POST", path, bearer, "application/x-www-form-urlencoded", body.toString(), "HX-Request", "true");
    }

    /** Sends the request with the bearer token, if any. */
    protected <T> HttpResponse<T> exchange(HttpRequest.Builder b, String bearer, HttpResponse.BodyHandler<T> handler) {
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(b.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
