package io.tzurot.ai.retry;

import java.util.regex.Pattern;

/** Masks credentials in text a provider sent back (some echo part of the key they refused). */
final class ProviderText {

    private static final Pattern KEY = Pattern.compile("\\b(sk|pk|rk)-[A-Za-z0-9_\\-]{8,}");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=\\-]+");
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)\\b((?:api[_-]?key|access[_-]?token|token|authorization|password)\\\"?'?\\s*[:=]\\s*\\\"?'?)[^\\s\\\"',}]{4,}");

    private ProviderText() {
    }

    static String redact(String text) {
        String masked = KEY.matcher(text).replaceAll("$1-****");
        masked = BEARER.matcher(masked).replaceAll("$1****");
        return ASSIGNED.matcher(masked).replaceAll("$1****");
    }
}
