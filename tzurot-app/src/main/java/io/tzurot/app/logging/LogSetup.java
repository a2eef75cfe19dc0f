package io.tzurot.app.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.tzurot.app.config.LogFormat;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the console appenders of logback.xml between its text pattern and {@link JsonLineLayout} once the
 * configuration is known (so {@code TZUROT_LOG_FORMAT} may also come from a {@code .env} file).
 */
public final class LogSetup {

    /** The text pattern: the request id in brackets when the line belongs to a reply. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %replace([%X{requestId}] ){'\\[\\] ', ''}%msg%n";

    private static LogFormat current = LogFormat.TEXT;

    private LogSetup() {
    }

    /** Writes every following line in {@code format}; {@code roles} fills {@code role} on lines without their own. */
    public static synchronized void apply(LogFormat format, String roles) {
        JsonLineLayout.processRoles(roles);
        if (format == current || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof ConsoleAppender<ILoggingEvent> console) {
                Encoder<ILoggingEvent> encoder = format == LogFormat.JSON ? json(context) : text(context);
                console.stop();
                console.setEncoder(encoder);
                console.start();
            }
        }
        current = format;
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonLineLayout layout = new JsonLineLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }
}
