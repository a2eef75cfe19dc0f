package io.tzurot.core.prompt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Timestamps as the prompt shows them, always in the user's time zone. The formatters are built once:
 * building one per reply is what made the reference spend milliseconds on every prompt.
 */
public final class PromptTimes {

    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy 'at' hh:mm a zzz", Locale.US);
    private static final DateTimeFormatter WITH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd (EEE) HH:mm", Locale.US);
    private static final DateTimeFormatter DATE_ONLY = DateTimeFormatter.ofPattern("yyyy-MM-dd (EEE)", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy", Locale.US);

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private PromptTimes() {
    }

    /** "Monday, January 27, 2025 at 02:45 AM EST" in {@code zone}. */
    public static String fullDateTime(Instant instant, ZoneId zone) {
        return FULL.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** "2025-01-27 (Mon) 14:45 • 3 minutes ago", or without the time of day when older than a week. */
    public static String promptTimestamp(Instant instant, Instant now, ZoneId zone) {
        ZonedDateTime local = ZonedDateTime.ofInstant(instant, zone);
        long age = Duration.between(instant, now).getSeconds();
        DateTimeFormatter format = age < 7 * DAY ? WITH_TIME : DATE_ONLY;
        return format.format(local) + " \u2022 " + relative(instant, now);
    }

    /** "Mon, Jan 27, 2025" in {@code zone}. */
    public static String shortDate(Instant instant, ZoneId zone) {
        return SHORT_DATE.format(ZonedDateTime.ofInstant(instant, zone));
    }

    /** "just now", "5 minutes ago", "yesterday", "3 weeks ago", ...; future instants count as "just now". */
    public static String relative(Instant instant, Instant now) {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(now, "now");
        long seconds = Duration.between(instant, now).getSeconds();
        if (seconds < MINUTE) {
            return "just now";
        }
        if (seconds < HOUR) {
            return plural(seconds / MINUTE, "minute");
        }
        if (seconds < DAY) {
            return plural(seconds / HOUR, "hour");
        }
        if (seconds < 2 * DAY) {
            return "yesterday";
        }
        if (seconds < 7 * DAY) {
            return (seconds / DAY) + " days ago";
        }
        if (seconds < 30 * DAY) {
            return plural(seconds / (7 * DAY), "week");
        }
        if (seconds < 365 * DAY) {
            return plural(seconds / (30 * DAY), "month");
        }
        return plural(seconds / (365 * DAY), "year");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s") + " ago";
    }
}
