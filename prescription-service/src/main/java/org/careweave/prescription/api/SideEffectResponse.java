package org.careweave.prescription.api;

import java.time.Instant;
import java.util.UUID;

import org.careweave.prescription.domain.Severity;
import org.careweave.prescription.domain.SideEffectReport;

public record SideEffectResponse(UUID id, UUID prescriptionId, String symptom, Severity severity, String note,
        Instant reportedAt, boolean urgent, String guidance) {

    static final String SEVERE_GUIDANCE = "Your care team has been alerted. If this is an emergency, call "
            + "emergency services (911 in the US) now.";

    static SideEffectResponse of(SideEffectReport r) {
        boolean urgent = r.severity == Severity.SEVERE;
        return new SideEffectResponse(r.id, r.prescriptionId, r.symptom, r.severity, r.note, r.reportedAt, urgent,
                urgent ? SEVERE_GUIDANCE : null);
    }
}
