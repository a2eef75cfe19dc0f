package io.tzurot.ai.attachment;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which attachments may be downloaded: hosts ({@code cdn.example} exactly, or {@code *.example} for
 * subdomains), https only unless {@code allowPlainHttp}, at most {@code maxBytes}, within {@code timeout},
 * following at most {@code maxRedirects} redirects (each target checked again).
 */
public record FetchPolicy(Set<String> allowedHosts, boolean allowPlainHttp, long maxBytes, Duration timeout,
                          int maxRedirects) {

    /** Discord's CDNs, https, 25 MiB (Discord's free upload limit), 30 s (the reference's download timeout). */
    public static final FetchPolicy DISCORD = new FetchPolicy(
            Set.of("cdn.discordapp.com", "media.discordapp.net"), false, 25L * 1024 * 1024, Duration.ofSeconds(30), 3);

    public FetchPolicy {
        allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        if (allowedHosts.isEmpty() || allowedHosts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("allowedHosts must list at least one non-blank host");
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be >= 0, was " + maxRedirects);
        }
    }

    /** Whether {@code uri} may be fetched under this policy. */
    public boolean allows(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || (allowPlainHttp && scheme.equals("http")))) {
            return false;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
                return true;
            }
        }
        return false;
    }
}
