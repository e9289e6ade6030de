package org.careweave.platform.events.prescription;

import org.careweave.platform.events.EventPayload;

/** A prescription was stopped. */
public record PrescriptionDiscontinued(
        String patientId,
        String prescriptionId,
        String prescriberId) implements EventPayload {
}
