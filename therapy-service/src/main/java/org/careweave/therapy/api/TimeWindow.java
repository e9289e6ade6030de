package org.careweave.therapy.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.careweave.platform.input.InputLimits;
import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

/** The optional {@code from} / {@code to} query parameters (ISO-8601 with offset); open ends are unbounded. */
record TimeWindow(Instant from, Instant to) {

    private static final Instant EARLIEST = OffsetDateTime.parse("1900-01-01T00:00:00Z").toInstant();
    private static final Instant LATEST = OffsetDateTime.parse("9999-01-01T00:00:00Z").toInstant();

    static TimeWindow parse(String from, String to) {
        Instant start = from == null || from.isBlank() ? EARLIEST : instant("from", from);
        Instant end = to == null || to.isBlank() ? LATEST : instant("to", to);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("The request has invalid fields",
                    List.of(new Problem.FieldError("to", "must be after from")));
        }
        return new TimeWindow(start, end);
    }

    private static Instant instant(String field, String value) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value);
            if (!InputLimits.hasAcceptedYear(parsed)) {
                throw ProblemException.badRequest("The request has invalid fields",
                        List.of(new Problem.FieldError(field, InputLimits.YEAR_OUT_OF_RANGE)));
            }
            return parsed.toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("The request has invalid fields",
                    List.of(new Problem.FieldError(field, "must be an ISO-8601 date-time with offset")));
        }
    }
}
