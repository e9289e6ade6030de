package org.careweave.platform.input;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * What free input may hold before it reaches PostgreSQL: no C0 control characters other than tab,
 * line feed and carriage return (PostgreSQL text cannot hold NUL), and dates in years 1900 to 9999
 * (PostgreSQL stores far more, but nothing a care platform records lies outside).
 */
public final class InputLimits {

    public static final int EARLIEST_YEAR = 1900;
    public static final int LATEST_YEAR = 9999;
    public static final String CONTROL_CHARACTERS = "must not contain control characters";
    public static final String YEAR_OUT_OF_RANGE = "must be a date in the years " + EARLIEST_YEAR + " to " + LATEST_YEAR;

    private InputLimits() {
    }

    /** True when the text holds a character below U+0020 other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** True for a date or time whose year lies in the accepted range; other values pass. */
    public static boolean hasAcceptedYear(Object value) {
        Integer year = yearOf(value);
        return year == null || (year >= EARLIEST_YEAR && year <= LATEST_YEAR);
    }

    private static Integer yearOf(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).getYear();
        }
        if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
            return temporal.get(ChronoField.YEAR);
        }
        return null;
    }
}
