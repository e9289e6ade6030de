package org.careweave.platform.audit;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.careweave.platform.access.Caller;

import io.quarkus.arc.Arc;

/**
 * Records who did what to which patient's record, and whether it was allowed.
 *
 * <p>Inside a transaction the entry is written by that transaction, on its connection: a request
 * never needs a second connection for its audit trail. Without a transaction (a read) the entry is committed by
 * {@link AuditWriter} together with the entries of concurrent reads, before the read is answered. A refusal usually rolls its transaction back, and its entry with it: the
 * entry is then written again once the transaction has ended and its connection is back in the pool
 * (by {@link RefusalAuditFilter} at the end of the request, or at once outside a request).
 */
@ApplicationScoped
public class AuditTrail {

    public enum Outcome {
        SUCCESS,
        DENIED
    }

    @Inject
    Caller caller;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    RefusalsAfterRollback refusals;

    @Inject
    AuditWriter writer;

    public void record(String action, String resourceType, String resourceId, String patientId, Outcome outcome) {
        AuditEntry entry = AuditEntry.of(Instant.now(), caller.id(), caller.primaryRole(), action, resourceType,
                resourceId, patientId, outcome.name());
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            writer.write(entry);
        } else if (status != Status.STATUS_ACTIVE) {
            // Already doomed (marked for rollback): the entry can only land once the transaction has ended.
            afterRollback(entry, refusals);
        } else {
            entry.persist();
            if (outcome == Outcome.DENIED) {
                transactions.registerInterposedSynchronization(new RewriteIfRolledBack(entry.copy(), refusals));
            }
        }
    }

    private static void afterRollback(AuditEntry entry, RefusalsAfterRollback refusals) {
        if (Arc.container().requestContext().isActive()) {
            refusals.add(entry);
        } else {
            RefusalsAfterRollback.write(List.of(entry));
        }
    }

    private record RewriteIfRolledBack(AuditEntry entry, RefusalsAfterRollback refusals) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                afterRollback(entry, refusals);
            }
        }
    }
}
