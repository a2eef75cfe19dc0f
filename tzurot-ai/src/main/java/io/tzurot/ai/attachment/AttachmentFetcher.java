package io.tzurot.ai.attachment;

import io.tzurot.ai.attachment.AttachmentFetchException.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads attachments (images for vision, voice messages for transcription) under a {@link FetchPolicy}:
 * allowed hosts only (so user-supplied URLs cannot reach internal services), a size cap enforced while
 * reading, one overall timeout, and redirects followed by hand so every hop is checked. Asynchronous.
 */
public final class AttachmentFetcher {

    private final FetchPolicy policy;
    private final HttpClient http;

    /** With its own client, built on the first fetch. */
    public AttachmentFetcher(FetchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http = io.tzurot.ai.http.LazyHttpClient.of(() -> HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(policy.timeout()).build());
    }

    /** With a caller-supplied client; it must not follow redirects itself. */
    public AttachmentFetcher(FetchPolicy policy, HttpClient http) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.http = Objects.requireNonNull(http, "http");
        if (http.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("the client must not follow redirects; the fetcher checks each hop");
        }
    }

    /** Fetches {@code url}; fails with {@link AttachmentFetchException}. */
    public CompletableFuture<FetchedAttachment> fetch(String url) {
        URI uri;
        try {
            uri = URI.create(Objects.requireNonNull(url, "url"));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new AttachmentFetchException(Reason.NOT_ALLOWED, "not a URL: " + url, e));
        }
        CompletableFuture<FetchedAttachment> result = new CompletableFuture<>();
        hop(uri, 0, result);
        result.orTimeout(policy.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return result.handle((value, failure) -> {
            if (failure == null) {
                return value;
            }
            throw new CompletionException(translate(failure, uri));
        });
    }

    private void hop(URI uri, int redirects, CompletableFuture<FetchedAttachment> result) {
        if (!policy.allows(uri)) {
            result.completeExceptionally(new AttachmentFetchException(Reason.NOT_ALLOWED, "host or scheme not allowed: "
                    + uri.getScheme() + "://" + uri.getHost()));
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET().build();
        CompletableFuture<HttpResponse<byte[]>> sent = http.sendAsync(request, info -> {
            if (info.statusCode() / 100 != 2) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > policy.maxBytes()) {
                throw new AttachmentFetchException(Reason.TOO_LARGE, "declared size " + declared
                        + " bytes exceeds the limit of " + policy.maxBytes());
            }
            return new LimitedBodySubscriber(policy.maxBytes());
        });
        result.whenComplete((value, failure) -> sent.cancel(true));
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            int status = response.statusCode();
            if (status / 100 == 3 && response.headers().firstValue("location").isPresent()) {
                if (redirects >= policy.maxRedirects()) {
                    result.completeExceptionally(new AttachmentFetchException(Reason.TOO_MANY_REDIRECTS,
                            "more than " + policy.maxRedirects() + " redirects"));
                    return;
                }
                URI next = uri.resolve(response.headers().firstValue("location").get());
                hop(next, redirects + 1, result);
                return;
            }
            if (status / 100 != 2) {
                result.completeExceptionally(new AttachmentFetchException(Reason.HTTP_STATUS, "HTTP " + status));
                return;
            }
            result.complete(new FetchedAttachment(uri, response.body(), response.headers().firstValue("content-type")));
        });
    }

    private static AttachmentFetchException translate(Throwable failure, URI uri) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AttachmentFetchException fetch) {
                return fetch;
            }
        }
        if (t instanceof TimeoutException || t instanceof HttpTimeoutException) {
            return new AttachmentFetchException(Reason.TIMEOUT, "no complete download within the timeout: " + uri.getHost(), t);
        }
        if (t instanceof IOException) {
            return new AttachmentFetchException(Reason.NETWORK, "download failed: " + t.getMessage(), t);
        }
        return new AttachmentFetchException(Reason.NETWORK, "download failed: " + t, t);
    }
}
