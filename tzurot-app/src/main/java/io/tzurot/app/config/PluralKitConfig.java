package io.tzurot.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code TZUROT_PLURALKIT}, {@code TZUROT_PLURALKIT_BASE_URL} and {@code TZUROT_PLURALKIT_GRACE_MS}: whether PluralKit
 * reposts are answered as their human author's, where PluralKit's API is, and how long a person's server message
 * waits to see whether PluralKit replaces it. Off by default: on, every server message waits the grace period.
 */
public record PluralKitConfig(boolean enabled, URI baseUrl, Duration grace) {

    /** The settings from {@code sources}; a bad value stops start-up naming the variable. */
    public static PluralKitConfig from(ConfigSources sources) {
        return new PluralKitConfig(enabled(sources.value(Variable.TZUROT_PLURALKIT)),
                baseUrl(sources.value(Variable.TZUROT_PLURALKIT_BASE_URL)),
                grace(sources.value(Variable.TZUROT_PLURALKIT_GRACE_MS)));
    }

    private static boolean enabled(String raw) {
        String value = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "on", "true" -> true;
            case "off", "false", "" -> false;
            default -> throw ConfigException.invalid(Variable.TZUROT_PLURALKIT, value, "expected on or off");
        };
    }

    private static URI baseUrl(String raw) {
        String value = raw == null ? "" : raw.strip();
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ConfigException.invalid(Variable.TZUROT_PLURALKIT_BASE_URL, value,
                "expected an http(s) URL of the PluralKit API, e.g. https://api.pluralkit.me/v2");
    }

    private static Duration grace(String raw) {
        String value = raw == null ? "" : raw.strip();
        try {
            int millis = Integer.parseInt(value);
            if (millis >= 0 && millis <= 10_000) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ConfigException.invalid(Variable.TZUROT_PLURALKIT_GRACE_MS, value,
                "expected milliseconds from 0 to 10000, e.g. 1500");
    }
}
