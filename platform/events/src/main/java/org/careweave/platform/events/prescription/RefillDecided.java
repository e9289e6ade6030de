package org.careweave.platform.events.prescription;

import org.careweave.platform.events.EventPayload;

/** A prescriber approved or declined a refill request. */
public record RefillDecided(
        String patientId,
        String prescriptionId,
        String refillRequestId,
        boolean approved,
        String decidedBy) implements EventPayload {
}
