package dev.broadsheet.core.schema;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Every timestamp the tables and the API hold: ISO-8601 UTC with exactly three fractional digits.
 * Fixed width matters because sort keys ({@code publishedAt} of the feed index, {@code createdAt}
 * of the comments' status index) compare as strings, and {@code Instant.toString()} drops zero
 * fractions: "...:00Z" would sort after "...:00.500Z".
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Any ISO-8601 instant (items written before the fixed width still read); null for null. */
    public static Instant parse(String value) {
        return value == null ? null : Instant.parse(value);
    }

    /** Whether a value is exactly what {@link #format} writes (cursors accept nothing else). */
    public static boolean isCanonical(String value) {
        try {
            return value != null && format(Instant.parse(value)).equals(value);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
