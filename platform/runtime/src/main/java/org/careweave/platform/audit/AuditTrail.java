package org.careweave.platform.audit;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.access.Caller;

/** Records who did what to which patient's record, and whether it was allowed. */
@ApplicationScoped
public class AuditTrail {

    public enum Outcome {
        SUCCESS,
        DENIED
    }

    @Inject
    Caller caller;

    /** Own transaction: a refused request rolls back its work, but its audit entry must stay. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String action, String resourceType, String resourceId, String patientId, Outcome outcome) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.subject = caller.id();
        entry.role = caller.primaryRole();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = resourceId;
        entry.patientId = patientId;
        entry.outcome = outcome.name();
        entry.persist();
    }
}
