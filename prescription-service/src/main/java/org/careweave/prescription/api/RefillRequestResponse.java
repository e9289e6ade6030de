package org.careweave.prescription.api;

import java.time.Instant;
import java.util.UUID;

import org.careweave.prescription.domain.RefillRequest;
import org.careweave.prescription.domain.RefillStatus;

public record RefillRequestResponse(UUID id, UUID prescriptionId, String patientId, RefillStatus status,
        Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason) {

    static RefillRequestResponse of(RefillRequest r) {
        return new RefillRequestResponse(r.id, r.prescriptionId, r.patientId, r.status, r.requestedAt, r.decidedBy,
                r.decidedAt, r.decisionReason);
    }
}
