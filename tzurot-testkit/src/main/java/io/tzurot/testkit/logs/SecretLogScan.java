package io.tzurot.testkit.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails an end-to-end suite when a secret reaches a log line: every Logback event of the suite (message, arguments,
 * stack traces, MDC) is captured while it runs and scanned afterwards for the secrets the suite registered with
 * {@link #secret(String)} and for anything shaped like one: API bearer tokens ({@code tzk_...}), sign-in links'
 * tokens ({@code tzl_...}), {@code Bearer ...} headers, provider keys ({@code sk-...}) and 64-hex-digit keys.
 * Process suites pass their child processes' output to {@link #check(String, Collection)}.
 */
public final class SecretLogScan implements BeforeAllCallback, AfterAllCallback {

    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("tz[kl]_[A-Za-z0-9_-]{16,}"),
            Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]{12,}"),
            Pattern.compile("\\bsk-[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])"));
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Capture capture;

    /** A secret value this suite uses (a provider key, a token, the master key): it must appear in no log line. */
    public static void secret(String value) {
        if (value != null && value.length() >= 8) {
            SECRETS.add(value);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        capture = new Capture(lines);
        capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        capture.start();
        root().addAppender(capture);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (capture == null) {
            return;
        }
        root().detachAppender(capture);
        capture.stop();
        check(context.getDisplayName() + " (Logback)", lines);
    }

    /** The lines (a log, a process's output) that must hold no secret; an {@link AssertionError} naming the first. */
    public static void check(String source, Collection<String> logLines) {
        List<String> found = new ArrayList<>();
        for (String line : logLines) {
            for (String secret : SECRETS) {
                if (line.contains(secret)) {
                    found.add("a registered secret (" + mask(secret) + ") in: " + line.replace(secret, mask(secret)));
                }
            }
            for (Pattern shape : SHAPES) {
                Matcher m = shape.matcher(line);
                if (m.find()) {
                    found.add("something shaped like a secret (" + shape.pattern() + ": " + mask(m.group()) + ") in: "
                            + line.replace(m.group(), mask(m.group())));
                }
            }
            if (found.size() >= 5) {
                break;
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError(source + ": secrets in log lines (" + found.size() + "+ found):\n  "
                    + String.join("\n  ", found));
        }
    }

    private static String mask(String secret) {
        return secret.substring(0, Math.min(4, secret.length())) + "…(" + secret.length() + " chars)";
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Keeps every event as the lines a log would show. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        private final List<String> lines;

        Capture(List<String> lines) {
            this.lines = lines;
            setName("secret-log-scan");
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder b = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (!event.getMDCPropertyMap().isEmpty()) {
                b.append(' ').append(event.getMDCPropertyMap());
            }
            if (event.getThrowableProxy() != null) {
                b.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(b.toString());
        }
    }
}
