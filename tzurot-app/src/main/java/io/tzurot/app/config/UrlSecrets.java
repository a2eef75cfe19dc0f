package io.tzurot.app.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides every secret form a connection URL can carry before it is shown: the password of the user info
 * ({@code user:password@}, Redis's {@code :password@} and bare {@code password@}), and query or
 * {@code ;key=value} parameters whose name says password, secret, token or key. The rest stays readable.
 */
final class UrlSecrets {

    static final String MASK = "****";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*(?::[A-Za-z][A-Za-z0-9+.-]*)*://");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&;])([^=&;#?]*(?:pass|pwd|secret|token|key|auth|credential|signature)[^=&;#?]*)=([^&;#]*)",
            Pattern.CASE_INSENSITIVE);

    private UrlSecrets() {
    }

    private static final Pattern ANY_PARAM = Pattern.compile("([?&;])([^=&;#?]*)=([^&;#]*)");

    /**
     * {@link #mask} for a URL that could not be read, where the parts can't be told apart: everything between the
     * scheme and the last '@' is hidden (it may all be user info), and every parameter value, whatever its name.
     */
    static String maskUnreadable(String url) {
        Matcher scheme = SCHEME.matcher(url);
        int start = scheme.find() ? scheme.end() : 0;
        int at = url.lastIndexOf('@');
        String shown = at >= start ? url.substring(0, start) + MASK + url.substring(at) : mask(url);
        return ANY_PARAM.matcher(shown).replaceAll("$1$2=" + MASK);
    }

    static boolean looksLikeUrl(String value) {
        return value != null && SCHEME.matcher(value).find();
    }

    static String mask(String url) {
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.find()) {
            // not URL-shaped (a typo): whatever stands before an '@' may be a password, so none of it is shown
            int at = url.lastIndexOf('@');
            String tail = at >= 0 ? MASK + url.substring(at) : url;
            return SECRET_PARAM.matcher(tail).replaceAll("$1$2=" + MASK);
        }
        int start = scheme.end();
        int authorityEnd = url.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = url.indexOf(c, start);
            if (i >= 0 && i < authorityEnd) {
                authorityEnd = i;
            }
        }
        String authority = url.substring(start, authorityEnd);
        int at = authority.lastIndexOf('@'); // a password may itself hold an unescaped '@'
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            boolean redis = url.toLowerCase(Locale.ROOT).startsWith("redis");
            String shown = colon >= 0 ? userInfo.substring(0, colon + 1) + MASK : redis ? MASK : userInfo;
            authority = shown + authority.substring(at);
        }
        int colon = authority.indexOf(':');
        if (at < 0 && colon >= 0 && !authority.startsWith("[") && !authority.substring(colon + 1).matches("\\d*")) {
            // "redis://:secret" cut short before its host: after the ':' only a port may be shown
            authority = authority.substring(0, colon + 1) + MASK;
        }
        String rest = SECRET_PARAM.matcher(url.substring(authorityEnd)).replaceAll("$1$2=" + MASK);
        return url.substring(0, start) + authority + rest;
    }
}
