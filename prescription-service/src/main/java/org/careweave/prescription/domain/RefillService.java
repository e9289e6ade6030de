package org.careweave.prescription.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.careweave.platform.problem.ProblemException;
import org.careweave.prescription.events.PrescriptionEvents;

/** Refill requests and decisions; never more approvals than the prescription allows. */
@ApplicationScoped
public class RefillService {

    @Inject
    PrescriptionEvents events;

    @Transactional
    public RefillRequest request(UUID prescriptionId) {
        Prescription p = Prescription.lockById(prescriptionId);
        if (!p.isActive()) {
            throw ProblemException.conflict("A discontinued prescription takes no refill requests");
        }
        if (p.refillsRemaining() == 0) {
            throw ProblemException.conflict("No refills are left on this prescription; ask your prescriber");
        }
        if (RefillRequest.pendingExists(p.id)) {
            throw ProblemException.conflict("A refill request for this prescription is already waiting for a decision");
        }
        RefillRequest request = new RefillRequest();
        request.id = UUID.randomUUID();
        request.prescriptionId = p.id;
        request.patientId = p.patientId;
        request.status = RefillStatus.PENDING;
        request.requestedAt = Instant.now();
        request.persist();
        events.refillRequested(request);
        return request;
    }

    /** Approves or denies a pending request. The prescription row is locked so two approvals cannot both pass. */
    @Transactional
    public RefillRequest decide(UUID prescriptionId, UUID requestId, boolean approve, String reason,
            String prescriberId) {
        Prescription p = Prescription.lockById(prescriptionId);
        // Read after the lock, so a decision committed meanwhile is seen.
        RefillRequest request = RefillRequest.findById(requestId);
        if (request.status != RefillStatus.PENDING) {
            throw ProblemException.conflict("The refill request was already " + request.status.name().toLowerCase());
        }
        if (approve) {
            if (!p.isActive()) {
                throw ProblemException.conflict("The prescription is discontinued; the refill cannot be approved");
            }
            if (p.refillsRemaining() == 0) {
                throw ProblemException.conflict("All " + p.refillsAllowed + " refills allowed have been approved");
            }
            p.refillsApproved++;
        }
        request.status = approve ? RefillStatus.APPROVED : RefillStatus.DENIED;
        request.decidedBy = prescriberId;
        request.decidedAt = Instant.now();
        request.decisionReason = reason == null || reason.isBlank() ? null : reason.trim();
        events.refillDecided(request);
        return request;
    }
}
