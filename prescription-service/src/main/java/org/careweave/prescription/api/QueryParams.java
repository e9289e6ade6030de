package org.careweave.prescription.api;

import java.util.List;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.domain.PrescriptionStatus;

/** Query parameters parsed by hand: a value JAX-RS cannot convert would otherwise answer 404, not 400. */
final class QueryParams {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    private QueryParams() {
    }

    static PrescriptionStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PrescriptionStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw invalid("status", "must be ACTIVE or DISCONTINUED");
        }
    }

    static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below like any other out-of-range value
        }
        throw invalid("days", "must be a whole number from 1 to " + MAX_DAYS);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("The request has invalid fields",
                List.of(new Problem.FieldError(field, message)));
    }
}
