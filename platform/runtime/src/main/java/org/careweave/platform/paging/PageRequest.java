package org.careweave.platform.paging;

import java.util.List;

import org.careweave.platform.problem.Problem;
import org.careweave.platform.problem.ProblemException;

/**
 * One page of a list endpoint: {@code limit} items (a default when absent, 400 above the cap) starting at
 * {@code page} (0-based). A list is fetched with {@link #fetchSize()} rows so that {@link Page} can tell
 * whether another page follows.
 */
public record PageRequest(int limit, int page) {

    /** The largest page any list answers; a service may cap lower. */
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 100;
    /** Pages further than this are refused: deep offsets cost the database a scan of every row before them. */
    public static final int MAX_PAGE = 10_000;
    /** For the OpenAPI description of the two query parameters. */
    public static final String LIMIT_DESCRIPTION = "Items per page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT
            + "); more answers 400";
    public static final String PAGE_DESCRIPTION = "0-based page; a Link rel=\"next\" header names the next one";

    /** From the query parameters as sent: text, so that "ten" answers 400 rather than a failed conversion's 404. */
    public static PageRequest of(String limit, String page) {
        return of(limit, page, DEFAULT_LIMIT, MAX_LIMIT);
    }

    public static PageRequest of(String limit, String page, int defaultLimit, int maxLimit) {
        int size = number("limit", limit, defaultLimit);
        int index = number("page", page, 0);
        if (size < 1 || size > maxLimit) {
            throw invalid("limit", "must be between 1 and " + maxLimit);
        }
        if (index < 0 || index > MAX_PAGE) {
            throw invalid("page", "must be between 0 and " + MAX_PAGE);
        }
        return new PageRequest(size, index);
    }

    private static int number(String field, String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a whole number");
        }
    }

    public int offset() {
        return page * limit;
    }

    /** One more than the page holds: the extra row only says that a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.badRequest("The request has invalid fields",
                List.of(new Problem.FieldError(field, message)));
    }
}
