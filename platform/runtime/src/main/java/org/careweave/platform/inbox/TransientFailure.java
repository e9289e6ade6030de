package org.careweave.platform.inbox;

import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * Tells a failure that goes away by itself (the database restarting or refusing connections, a full pool, a lock
 * or query timeout, a deadlock) from one that would fail the same way on every try. Database errors count as
 * transient unless their SQLSTATE says the data or the statement itself is at fault: a flag held back until the
 * database is back beats a flag dead-lettered.
 */
final class TransientFailure {

    /** SQLSTATE classes that no retry cures: cardinality, data, integrity, syntax or access, unsupported, check. */
    private static final Set<String> DETERMINISTIC_CLASSES = Set.of("21", "22", "23", "42", "0A", "44");

    private TransientFailure() {
    }

    static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnprocessableEventException) {
                return false;
            }
            if (cause instanceof LockTimeoutException || cause instanceof PessimisticLockException
                    || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.length() < 2 || !DETERMINISTIC_CLASSES.contains(state.substring(0, 2));
            }
        }
        return false;
    }
}
