package org.careweave.platform.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure because the database cannot be reached (restarting, refusing connections, the pool unable to get
 * one) from every other failure: the first is the caller's cue to retry shortly (503), the second a fault of ours.
 */
final class DatabaseUnavailable {

    /** Admin shutdown, crash shutdown, cannot connect now, too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /** Agroal's words when no connection could be had within the acquisition timeout (it sets no SQLSTATE). */
    private static final String POOL_TIMEOUT = "Acquisition timeout";

    private DatabaseUnavailable() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    String state = each.getSQLState();
                    if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                        return true;
                    }
                    if (state == null && each.getMessage() != null && each.getMessage().contains(POOL_TIMEOUT)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
