package org.careweave.platform.events.prescription;

import org.careweave.platform.events.EventPayload;

/** The patient asked for a refill. */
public record RefillRequested(
        String patientId,
        String prescriptionId,
        String refillRequestId) implements EventPayload {
}
